import type { Corpus } from '../corpus/source';

/** One row of {@link removalSummary}: how often a cleaning rule fired in each source. */
export interface RemovalSummaryRow {
  rule: string;
  /** Count per source label, plus `total`. */
  [labelOrTotal: string]: string | number;
}

/**
 * A rule-by-source table of what cleaning removed, so a reader can see that the explainers
 * needed almost no cleaning and the syndicated reports a lot.
 */
export function removalSummary(corpus: Corpus): RemovalSummaryRow[] {
  const rules = [...new Set(corpus.sources.flatMap((s) => s.removed.map((r) => r.rule)))].sort();
  return rules.map((rule) => {
    const row: RemovalSummaryRow = { rule };
    let total = 0;
    for (const s of corpus.sources) {
      const n = s.removed.filter((r) => r.rule === rule).length;
      row[s.meta.label] = n;
      total += n;
    }
    row.total = total;
    return row;
  });
}
