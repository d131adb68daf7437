import { bootstrapEstimate, type BootstrapOptions } from '../stats/bootstrap';
import { seedFrom } from '../stats/random';
import { mean } from '../stats/summary';
import type { ScoredSentence, SpeakerRow } from './types';

/** The name used for sentences in the writer's own voice. */
export const WRITER = 'writer';

/** Options of {@link speakerTable}. */
export interface SpeakerTableOptions {
  /** Speakers with fewer sentences in a source are left out. Default 2. */
  minSentences?: number;
  /** Bootstrap settings. Default 2000 resamples, 95%, seed 1. */
  bootstrap?: BootstrapOptions;
}

/**
 * Stance per speaker per source: for each source, the writer's own voice and every quoted or
 * reported speaker the text names, with mean sentence sentiment and mean optimism toward the
 * claim (over sentences with a claim cue), each with a bootstrap CI. This is what tells a report
 * that quotes sceptics apart from a sceptical writer.
 */
export function speakerTable(sentences: readonly ScoredSentence[], options: SpeakerTableOptions = {}): SpeakerRow[] {
  const minSentences = options.minSentences ?? 2;
  const groups = new Map<string, ScoredSentence[]>();
  for (const s of sentences) {
    const speaker = s.speaker ?? (s.quoted ? null : WRITER);
    if (speaker === null) continue; // quoted, but the text does not say who
    const key = `${s.source}\u0000${speaker}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const rows: SpeakerRow[] = [];
  for (const [key, list] of groups) {
    if (list.length < minSentences) continue;
    const speaker = key.split('\u0000')[1];
    const { source, label, group, origin } = list[0];
    const seed = (m: string): BootstrapOptions => ({ ...options.bootstrap, seed: seedFrom(`${key}:${m}`, options.bootstrap?.seed ?? 1) });
    const optimism = list.filter((s) => s.claimCue).map((s) => s.optimism);
    rows.push({
      source,
      label,
      group,
      origin,
      speaker,
      sentences: list.length,
      sentiment: bootstrapEstimate(list.map((s) => s.sentiment), mean, seed('sentiment')),
      optimism: bootstrapEstimate(optimism, mean, seed('optimism')),
    });
  }
  return rows;
}
