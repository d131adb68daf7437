/**
 * The two whole-sentence analysers the pipeline's speed is compared with, loaded only when asked
 * for (natural by deep imports: its top-level module loads every part of the library).
 */

/** A sentence analyser: text in, a score out. */
export type Analyser = (text: string) => number;

/** natural's AFINN analyser on natural's WordTokenizer, exactly as a user of natural would run it. */
export function naturalAfinnAnalyser(): Analyser {
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer') as { WordTokenizer: new () => { tokenize(text: string): string[] } };
  const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer') as new (
    language: string,
    stemmer: null,
    type: string,
  ) => { getSentiment(tokens: string[]): number };
  const tokenizer = new WordTokenizer();
  const analyzer = new SentimentAnalyzer('English', null, 'afinn');
  return (text) => {
    const tokens = tokenizer.tokenize(text);
    return tokens.length === 0 ? 0 : analyzer.getSentiment(tokens);
  };
}

/** vader-sentiment's compound score. */
export function vaderAnalyser(): Analyser {
  const { SentimentIntensityAnalyzer } = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  return (text) => SentimentIntensityAnalyzer.polarity_scores(text).compound;
}
