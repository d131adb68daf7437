import { words } from '../text/tokens';

/** The set of k-word shingles of a text (lower-case words, punctuation ignored). */
export function shingles(text: string, k = 5): Set<string> {
  const ws = words(text);
  const out = new Set<string>();
  for (let i = 0; i + k <= ws.length; i++) out.add(ws.slice(i, i + k).join(' '));
  return out;
}

/** Share of a's shingles that also occur in b (0 when a has none). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

/** Shingle containment at or above which a new text counts as a near-duplicate of an existing one. */
export const NEAR_DUPLICATE = 0.6;

/**
 * How much two texts overlap: the larger of the two containments, so a text that repeats most
 * of another (a republished copy, an excerpt with a new intro) counts as a near-duplicate.
 */
export function overlap(a: string, b: string, k = 5): number {
  const sa = shingles(a, k);
  const sb = shingles(b, k);
  return Math.max(containment(sa, sb), containment(sb, sa));
}
