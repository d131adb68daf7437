/**
 * Candidate base forms of inflected and British-spelled words ("flourished" -> "flourish",
 * "favourable" -> "favorable"), for lexicon look-ups. Called once per distinct word (the
 * scorer memoises word values), so it favours plain string tests over regular expressions.
 */

/** Whether the UTF-16 unit is one of the vowels a, e, i, o, u (lower case). */
function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

/** Whether `w` ends in a doubled non-vowel followed by `suffix` ("stopped", "stopping"). */
function doubledBefore(w: string, suffix: string): boolean {
  const i = w.length - suffix.length - 1;
  if (i < 1 || !w.endsWith(suffix)) return false;
  const c = w.charCodeAt(i);
  return c === w.charCodeAt(i - 1) && !isVowel(c);
}

const BRITISH_OUR = /our(?=s?$|ed$|ing$|able$|ably$|ite$|ites$|ful$|fully$)/;
const BRITISH_ISE = /is(e|es|ed|ing|ation|ations)$/;
const BRITISH_YSE = /yse(s|d)?$/;

/**
 * The American spelling of a British-spelled word ("favourable" -> "favorable", "organise" ->
 * "organize", "analysed" -> "analyzed"), or the word itself. Each rewrite runs only when the
 * letters it needs are there.
 */
function americanSpelling(w: string): string {
  let us = w;
  if (us.includes('our')) us = us.replace(BRITISH_OUR, 'or');
  if (us.includes('is')) us = us.replace(BRITISH_ISE, 'iz$1');
  if (us.includes('yse')) us = us.replace(BRITISH_YSE, 'yze$1');
  return us;
}

/** Candidate base forms of an inflected word, most likely first (not including the word itself). */
export function baseForms(w: string): string[] {
  const out: string[] = [];
  const add = (x: string): void => {
    if (x.length >= 3 && x !== w && !out.includes(x)) out.push(x);
  };
  if (w.length < 4) return out;
  if (w.endsWith('ies') || w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s")) add(w.slice(0, -1));
  if (w.endsWith('ed')) {
    add(w.slice(0, -1)); // hoped -> hope
    add(w.slice(0, -2)); // helped -> help
    if (doubledBefore(w, 'ed')) add(w.slice(0, -3)); // stopped -> stop
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (doubledBefore(w, 'ing')) add(w.slice(0, -4));
  }
  if (w.endsWith('ily')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ly')) {
    add(w.slice(0, -2)); // sadly -> sad
    add(`${w.slice(0, -2)}le`); // terribly -> terrible
  }
  if (w.endsWith('iness')) add(`${w.slice(0, -5)}y`); // happiness -> happy
  if (w.endsWith('ness')) add(w.slice(0, -4));
  // British spellings, common in international news: favourable, finalise, organisation.
  const us = americanSpelling(w);
  if (us !== w) {
    add(us);
    for (const b of baseForms(us)) add(b);
  }
  return out;
}
