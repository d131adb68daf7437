import * as path from 'node:path';
import type { Analysis } from '../analysis/analyze';
import { analysisDocument } from '../analysis/document';
import { comparisonRows, sentimentRows, stanceRows } from '../tables/matrix-rows';
import { writeFileAtomic } from './atomic';
import { toCsv } from './csv';

/** Per-sentence scores as flat rows (mentions as `target:score` pairs). */
export function sentenceRows(analysis: Analysis): Array<Record<string, string | number | boolean | null>> {
  return analysis.sentences.map((s) => ({
    source: s.source,
    label: s.label,
    group: s.group,
    index: s.index,
    position: Math.round(s.position * 1e4) / 1e4,
    sentiment: Math.round(s.sentiment * 1e4) / 1e4,
    optimism: Math.round(s.optimism * 1e4) / 1e4,
    claim_cue: s.claimCue,
    hedges: s.hedges,
    boosters: s.boosters,
    quoted: s.quoted,
    speaker: s.speaker,
    mentions: s.mentions.map((m) => `${m.target}:${m.score.toFixed(3)}`).join(' '),
    text: s.text,
  }));
}

/**
 * Writes the analysis into a folder as CSV and JSON (atomically, file by file) and returns the
 * paths written: sentiment-matrix, stance-matrix, group-comparison, speakers, sentences, and
 * analysis.json (the document of `analyze --json`).
 */
export function writeAnalysis(analysis: Analysis, outDir: string): string[] {
  const files: Array<[string, string]> = [
    ['sentiment-matrix.csv', toCsv(sentimentRows(analysis.sentiment))],
    ['stance-matrix.csv', toCsv(stanceRows(analysis.stance))],
    ['group-comparison.csv', toCsv(comparisonRows(analysis.comparisons))],
    [
      'speakers.csv',
      toCsv(
        analysis.speakers.map((r) => ({
          source: r.source,
          label: r.label,
          speaker: r.speaker,
          sentences: r.sentences,
          sentiment: r.sentiment.value,
          sentiment_low: r.sentiment.low,
          sentiment_high: r.sentiment.high,
          optimism: r.optimism.value,
          optimism_low: r.optimism.low,
          optimism_high: r.optimism.high,
        })),
      ),
    ],
    ['sentences.csv', toCsv(sentenceRows(analysis))],
    ['sentiment-matrix.json', `${JSON.stringify(sentimentRows(analysis.sentiment), null, 2)}\n`],
    ['stance-matrix.json', `${JSON.stringify(stanceRows(analysis.stance), null, 2)}\n`],
    ['group-comparison.json', `${JSON.stringify(comparisonRows(analysis.comparisons), null, 2)}\n`],
    ['analysis.json', `${JSON.stringify(analysisDocument(analysis.stance, analysis.sentiment), null, 2)}\n`],
  ];
  return files.map(([name, text]) => {
    const file = path.join(outDir, name);
    writeFileAtomic(file, text);
    return file;
  });
}
