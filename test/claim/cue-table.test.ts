import { strict as assert } from 'node:assert';
import { claimStance, type ClaimCueHit, type ClaimOptions, type ClaimStance } from '../../lib/claim/claim-stance';
import { cueAt, loadClaimCues, parseClaimCues, type ClaimCues } from '../../lib/claim/cues';
import { loadCorpus } from '../../lib/corpus/load';
import { sentencesOf } from '../../lib/text/segment';
import { tokenize } from '../../lib/text/tokens';

/**
 * claimStance as it was written with `cueAt` on every index at every token (the definition the
 * merged cue table must reproduce).
 */
function reference(text: string, options: ClaimOptions = {}): ClaimStance {
  const opts = { negationWindow: 3, hedgeFactor: 0.75, boosterFactor: 1.2, ...options };
  const cues = options.cues ?? loadClaimCues();
  const tokens = tokenize(text);
  const norms = tokens.map((t) => t.norm);
  let onTopic = false;
  let hedges = 0;
  let boosters = 0;
  const hits: ClaimCueHit[] = [];
  let lastBreak = -1;
  for (let i = 0; i < norms.length; i++) {
    if (tokens[i].kind === 'punct' && /[,;:.!?()“”"—–]/.test(tokens[i].text)) lastBreak = i;
    if (!onTopic && cueAt(norms, i, cues.topic)) onTopic = true;
    if (cueAt(norms, i, cues.hedges)) hedges++;
    if (cueAt(norms, i, cues.boosters)) boosters++;
    const opt = cueAt(norms, i, cues.optimism);
    const scep = cueAt(norms, i, cues.scepticism);
    const cue = opt && (!scep || opt.tokens.length >= scep.tokens.length) ? opt : scep;
    if (!cue) continue;
    let value = cue === opt ? cue.weight : -cue.weight;
    let negated = false;
    for (let k = i - 1; k >= Math.max(0, i - opts.negationWindow, lastBreak + 1); k--) {
      if (cues.negators.has(norms[k]) || norms[k].endsWith("n't")) {
        negated = true;
        value = -value * 0.75;
        break;
      }
    }
    const end = i + cue.tokens.length - 1;
    hits.push({ text: text.slice(tokens[i].start, tokens[end].end), start: tokens[i].start, end: tokens[end].end, value, negated });
    i = end;
  }
  if (!onTopic || hits.length === 0) return { optimism: 0, claimCue: false, hedges, boosters, cues: hits };
  let raw = hits.reduce((s, h) => s + h.value, 0);
  raw *= opts.hedgeFactor ** Math.min(hedges, 2) * opts.boosterFactor ** Math.min(boosters, 2);
  return { optimism: raw / (1 + Math.abs(raw)), claimCue: true, hedges, boosters, cues: hits };
}

/** Cues with one-letter prefixes, shared first words, curly quotes, non-ASCII and ties between lists. */
const ODD_CUES = parseClaimCues(
  JSON.stringify({
    claim: 'odd',
    topic: ['russia*', 'us', 'u.s.', 'a*', 'détente', 'new york', 'people’s republic', 'x*', 'é*'],
    optimism: { reset: 1, 'restor*': 1.5, 'mutual benefit*': 0.7, 'ready to': 0.8, a: 0.3, 'ab*': 0.4, 'can’t wait': 2, wait: 0.2, 'détente*': 1, 'g7': 0.9, 'ü*': 1 },
    scepticism: { 'reset*': 1, 'doubt*': 1.2, 'benefit of the doubt': 1.2, 'cold war': 0.8, 'wait and see': 1, 'a*': 0.3, improve: 1.1, no: 0.5, 'stop*': 0.6 },
    hedges: ['may', 'a*', 'wait', 'could be'],
    boosters: ['clearly', 'ab*', 'of course'],
    negators: ['not', 'no', "n't", 'Hardly'],
  }),
  'odd.json',
);

const SENTENCES = [
  'Russia wants a reset; the U.S. may not restore ties, a doubt they can’t wait to see.',
  'A a ab abc Ab. Détente? détentes, DÉTENTE! Über ümit ÜBER x x1 é éa',
  'Wait and see: mutual benefits, mutual benefit, the benefit of the doubt, cold war, cold.',
  'It is not a reset, but could be, of course, a clearly restored détente in New York.',
  '“He can’t stop the war. Not in a day,” Medvedev said of Trump.',
  '', ' ', 'a', 'A.', 'g7 G7 g-7',
];

function allSentences(): string[] {
  const out = [...SENTENCES];
  for (const source of loadCorpus().sources) for (const s of sentencesOf(source)) out.push(s.text);
  return out;
}

describe('claimStance with the merged cue table', () => {
  const sentences = allSentences();
  const variants: Array<[string, ClaimOptions]> = [
    ['default', {}],
    ['odd cues', { cues: ODD_CUES }],
    ['wide window', { negationWindow: 8, hedgeFactor: 0.5, boosterFactor: 2 }],
    ['no window', { negationWindow: 0 }],
    ['odd cues, wide window', { cues: ODD_CUES, negationWindow: 10 }],
  ];
  for (const [name, options] of variants) {
    it(`gives what cueAt on every index gives (${name})`, () => {
      for (const s of sentences) assert.deepEqual(claimStance(s, options), reference(s, options), s);
    });
  }

  it('rebuilds its table when an index of the cues is replaced', () => {
    const cues: ClaimCues = { ...ODD_CUES };
    const s = 'Russia wants a reset.';
    assert.deepEqual(claimStance(s, { cues }), reference(s, { cues }));
    cues.optimism = parseClaimCues(JSON.stringify({ claim: 'c', topic: [], optimism: { wants: 1 }, scepticism: {}, hedges: [], boosters: [], negators: [] }), 'c.json').optimism;
    assert.deepEqual(claimStance(s, { cues }), reference(s, { cues }));
    assert.ok(claimStance(s, { cues }).cues.some((c) => c.text === 'wants'));
  });
});
