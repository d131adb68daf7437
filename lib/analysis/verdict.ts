import type { StanceMatrix, StanceRow } from './types';

/** Whether the optimistic explainers out-score the sceptical reports on the optimism index. */
export interface OptimismVerdict {
  explainers: Array<{ label: string; value: number; low: number; high: number }>;
  reports: Array<{ label: string; value: number; low: number; high: number }>;
  /** Every explainer's index is above every report's. */
  ordered: boolean;
  /** Every explainer's CI lies entirely above every report's CI. */
  separated: boolean;
  /** One or two sentences saying the above. */
  text: string;
}

const show = (r: StanceRow): { label: string; value: number; low: number; high: number } => ({
  label: r.label,
  value: r.optimism.value,
  low: r.optimism.low,
  high: r.optimism.high,
});
const fmt = (x: { label: string; value: number; low: number; high: number }): string =>
  `${x.label} ${x.value.toFixed(2)} [${x.low.toFixed(2)}, ${x.high.toFixed(2)}]`;

/** Reads the optimism index of the explainers against the sceptical reports off a stance matrix. */
export function optimismVerdict(matrix: StanceMatrix): OptimismVerdict {
  const explainers = matrix.rows.filter((r) => r.group === 'optimistic-explainer').map(show);
  const reports = matrix.rows.filter((r) => r.group === 'sceptical-reporting').map(show);
  const pairs = explainers.flatMap((e) => reports.map((r) => [e, r] as const));
  const ordered = pairs.length > 0 && pairs.every(([e, r]) => e.value > r.value);
  const separated = pairs.length > 0 && pairs.every(([e, r]) => e.low > r.high);
  const text =
    pairs.length === 0
      ? 'No comparison: the corpus needs sources in both the optimistic-explainer and sceptical-reporting groups.'
      : `${ordered ? 'Every optimistic explainer scores a higher optimism index than every sceptical report' : 'The optimism index does not put every explainer above every sceptical report'}: ` +
        `${explainers.map(fmt).join('; ')} vs ${reports.map(fmt).join('; ')}. ` +
        (separated
          ? 'Their 95% CIs do not overlap: the CIs separate every explainer from every report.'
          : 'Their 95% CIs overlap for at least one pair, so source by source the CIs do not separate them; the pooled group comparison is the stronger test.');
  return { explainers, reports, ordered, separated, text };
}
