import type { DataFrame } from 'danfojs-node';
import type { Estimate, GroupComparison, SentimentMatrix, StanceMatrix } from '../analysis/types';
import { SENTIMENT_MEASURES } from '../analysis/types';
import { effectSizeWord } from '../stats/effect-size';
import { toDataFrame, type Row } from './frame';

/** Rounds for tables; NaN becomes null so tables and JSON show a gap. */
const r4 = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);

function estimateColumns(row: Row, name: string, e: Estimate): void {
  row[name] = r4(e.value);
  row[`${name}_low`] = r4(e.low);
  row[`${name}_high`] = r4(e.high);
}

/** The sentiment matrix as flat rows: one per source, `measure`, `measure_low`, `measure_high` columns. */
export function sentimentRows(matrix: SentimentMatrix): Row[] {
  return matrix.rows.map((r) => {
    const row: Row = { source: r.source, label: r.label, group: r.group, sentences: r.sentences };
    for (const m of SENTIMENT_MEASURES) estimateColumns(row, m, r[m]);
    return row;
  });
}

/** The stance matrix as flat rows: optimism, then per target `id`, `id_low`, `id_high`, `id_mentions`. */
export function stanceRows(matrix: StanceMatrix): Row[] {
  return matrix.rows.map((r) => {
    const row: Row = { source: r.source, label: r.label, group: r.group };
    estimateColumns(row, 'optimism', r.optimism);
    row.optimism_sentences = r.optimism.sentences;
    for (const t of matrix.targets) {
      estimateColumns(row, t.id, r.stance[t.id]);
      row[`${t.id}_mentions`] = r.stance[t.id].mentions;
    }
    return row;
  });
}

/** Group comparisons as flat rows, with the effect size in words. */
export function comparisonRows(comparisons: readonly GroupComparison[]): Row[] {
  return comparisons.map((c) => ({
    measure: c.measure,
    label: c.label,
    groupA: c.groupA,
    a: r4(c.a.value),
    a_n: c.a.n,
    groupB: c.groupB,
    b: r4(c.b.value),
    b_n: c.b.n,
    difference: r4(c.difference.value),
    difference_low: r4(c.difference.low),
    difference_high: r4(c.difference.high),
    ci_excludes_zero: Number.isFinite(c.difference.low) && (c.difference.low > 0 || c.difference.high < 0),
    p: r4(c.p),
    hedges_g: r4(c.effectSize),
    effect: effectSizeWord(c.effectSize),
    method: c.method,
  }));
}

/** The sentiment matrix as a danfo DataFrame indexed by source label. */
export function sentimentFrame(matrix: SentimentMatrix): DataFrame {
  return toDataFrame(sentimentRows(matrix), { index: 'label' });
}

/** The stance matrix as a danfo DataFrame indexed by source label. */
export function stanceFrame(matrix: StanceMatrix): DataFrame {
  return toDataFrame(stanceRows(matrix), { index: 'label' });
}

/** Group comparisons as a danfo DataFrame. */
export function comparisonFrame(comparisons: readonly GroupComparison[]): DataFrame {
  return toDataFrame(comparisonRows(comparisons));
}
