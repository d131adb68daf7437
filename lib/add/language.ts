import { words } from '../text/tokens';

/** Very common English function words: their share of a text's words tells English prose apart. */
const ENGLISH = new Set(
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
);

/** Share of a text's words that are common English function words (about 0.4-0.5 for English prose, near 0 for most other languages). */
export function englishShare(text: string): number {
  const ws = words(text);
  if (ws.length === 0) return 0;
  let hits = 0;
  for (const w of ws) if (ENGLISH.has(w)) hits++;
  return hits / ws.length;
}

/** Below this share of English function words a text is taken for non-English. */
export const ENGLISH_THRESHOLD = 0.2;

/** Whether a text reads as English prose. */
export function looksEnglish(text: string): boolean {
  return englishShare(text) >= ENGLISH_THRESHOLD;
}
