import { strict as assert } from 'node:assert';
import { claimStance } from '../../lib/claim/claim-stance';
import { parseClaimCues } from '../../lib/claim/cues';
import { NewsStanceError } from '../../lib/errors';
import { sentencesOf } from '../../lib/text/segment';
import { seed } from '../helpers/seeds';

/** A sentence of a seed that starts with the given words. */
function sentence(prefix: string, start: string): string {
  const s = sentencesOf(seed(prefix)).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence "${start}" in seed ${prefix}`);
  return s.text;
}

describe('claimStance(text)', () => {
  it('reads optimism in "Moscow is ready to restore relations with Washington"', () => {
    const r = claimStance(sentence('001', 'Moscow is ready to restore relations'));
    assert.equal(r.claimCue, true);
    assert.ok(r.optimism > 0.4, String(r.optimism));
    assert.deepEqual(r.cues.map((c) => c.text), ['ready to', 'restore']);
  });

  it('reads scepticism in Medvedev’s “He can’t stop the war.” through the multiword cue', () => {
    const r = claimStance('“He can’t stop the war. Not in a day,” Medvedev said of Trump.');
    assert.ok(r.optimism < -0.5, String(r.optimism));
    assert.equal(r.cues[0].text, 'can’t stop the war');
    assert.equal(r.cues[0].negated, false);
  });

  it('prefers "benefit of the doubt" over "doubt" in the Khrushcheva quote', () => {
    const r = claimStance(sentence('002', '“Putin is still giving Trump the benefit of the doubt'));
    assert.ok(r.cues.some((c) => c.text === 'benefit of the doubt'));
    assert.ok(!r.cues.some((c) => c.text === 'doubt'));
    assert.ok(r.optimism < 0);
  });

  it('flips a cue after a negator within the window: "did not significantly improve"', () => {
    const r = claimStance(sentence('004', 'Russian officials observed that Trump, known for his erratic decisions'));
    const improve = r.cues.find((c) => c.text === 'improve')!;
    assert.equal(improve.negated, true);
    assert.ok(improve.value < 0);
    assert.ok(r.optimism < -0.5);
  });

  it('does not let a negator reach across a comma', () => {
    const r = claimStance('Relations were not warm, but a reset with Russia is possible.');
    assert.deepEqual(r.cues.map((c) => [c.text, c.negated]), [['warm', true], ['reset', false]]);
  });

  it('damps hedged optimism: the "Putin confident" explainer’s "may", "might", "could"', () => {
    const plain = claimStance('Trump will ease tensions over Ukraine.');
    const hedged = claimStance('Trump might ease tensions over Ukraine.');
    assert.equal(hedged.hedges, 1);
    assert.ok(hedged.optimism > 0 && hedged.optimism < plain.optimism);
    assert.ok(claimStance('Trump will clearly ease tensions over Ukraine.').optimism > plain.optimism);
  });

  it('scores 0 off topic, even with cues', () => {
    const r = claimStance('The weather may improve by Sunday.');
    assert.equal(r.claimCue, false);
    assert.equal(r.optimism, 0);
    assert.equal(r.hedges, 1);
  });

  it('matches case-insensitively and by prefix (restor* = restoring)', () => {
    assert.ok(claimStance('RUSSIA hopes for RESTORING ties.').optimism > 0);
  });

  it('does not read "non-interference" as "interference"', () => {
    assert.deepEqual(claimStance('Russia asks the US for non-interference.').cues, []);
  });
});

describe('parseClaimCues(json, file)', () => {
  const valid = { claim: 'c', topic: ['russia'], optimism: { reset: 1 }, scepticism: { doubt: 1 }, hedges: ['may'], boosters: ['clearly'], negators: ['not'] };

  it('compiles a minimal file', () => {
    const cues = parseClaimCues(JSON.stringify(valid), 'c.json');
    assert.equal(claimStance('Russia wants a reset.', { cues }).claimCue, true);
    assert.equal(claimStance('Russia has doubts.', { cues }).claimCue, false);
  });

  it('names the file, line and cue of a bad weight', () => {
    const json = JSON.stringify({ ...valid, optimism: { reset: 5 } }, null, 2);
    assert.throws(() => parseClaimCues(json, 'c.json'), (e: unknown) => e instanceof NewsStanceError && /^c\.json:\d+: reset: weight must be a number in \(0, 2\], got 5$/.test(e.message));
  });

  it('names the field of a list that is not a list, and reports bad JSON with its line', () => {
    assert.throws(() => parseClaimCues(JSON.stringify({ ...valid, hedges: 'may' }), 'c.json'), /c\.json:1: hedges: expected an array of words or phrases, got "may"/);
    assert.throws(() => parseClaimCues('{\n"claim": "c",\n}', 'c.json'), /c\.json:3: not valid JSON/);
  });
});
