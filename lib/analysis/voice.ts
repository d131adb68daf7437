import type { ScoredSentence } from './types';

/** Whose sentences a measure counts: all, the writer's own voice, or quoted and reported speech. */
export type Voice = 'all' | 'writer' | 'quoted';

/** The sentences of one voice. */
export function byVoice(sentences: readonly ScoredSentence[], voice: Voice = 'all'): readonly ScoredSentence[] {
  if (voice === 'all') return sentences;
  return sentences.filter((s) => (voice === 'quoted' ? s.quoted : !s.quoted));
}

/** Groups sentences by source id, keeping first-seen order. */
export function bySource(sentences: readonly ScoredSentence[]): Map<string, ScoredSentence[]> {
  const out = new Map<string, ScoredSentence[]>();
  for (const s of sentences) {
    const list = out.get(s.source);
    if (list) list.push(s);
    else out.set(s.source, [s]);
  }
  return out;
}
