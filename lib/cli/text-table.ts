/** Formats rows as an aligned plain-text table for the terminal; numbers right-aligned. */
export function textTable(rows: ReadonlyArray<Record<string, unknown>>, options: { columns?: readonly string[]; maxWidth?: number } = {}): string {
  if (rows.length === 0) return '(no rows)';
  const columns = options.columns ?? Object.keys(rows[0]);
  const maxWidth = options.maxWidth ?? 40;
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '-';
    const s = typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v);
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  const line = (vals: string[]): string => vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
