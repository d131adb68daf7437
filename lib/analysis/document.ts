import { SENTIMENT_MEASURES, type Estimate, type SentimentMatrix, type StanceMatrix } from './types';

/** A JSON-safe estimate: NaN becomes null. */
export interface JsonEstimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** One source in the analysis document. */
export interface SourceDocument {
  id: string;
  label: string;
  origin: string;
  group: string;
  optimism: JsonEstimate & { sentences: number };
  sentiment: Record<string, JsonEstimate> & { sentences?: number };
  stance: Record<string, JsonEstimate & { mentions: number }>;
}

/** The document `news-stance analyze --json` prints. */
export interface AnalysisDocument {
  claim: string;
  sources: SourceDocument[];
}

const num = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);
const est = (e: Estimate): JsonEstimate => ({ value: num(e.value), low: num(e.low), high: num(e.high) });

/**
 * Joins the two matrices into one JSON document, a source per entry:
 * `{"sources": [{"id", "origin", "group", "optimism": {...}, "sentiment": {...}, "stance": {"<target>": {...}}}]}`.
 */
export function analysisDocument(stance: StanceMatrix, sentiment: SentimentMatrix, claim = 'US-Russia relations will improve'): AnalysisDocument {
  return {
    claim,
    sources: stance.rows.map((row) => {
      const s = sentiment.rows.find((r) => r.source === row.source);
      const sentimentDoc: SourceDocument['sentiment'] = {};
      if (s) {
        for (const m of SENTIMENT_MEASURES) sentimentDoc[m] = est(s[m]);
      }
      const stanceDoc: SourceDocument['stance'] = {};
      for (const t of stance.targets) stanceDoc[t.id] = { ...est(row.stance[t.id]), mentions: row.stance[t.id].mentions };
      return {
        id: row.source,
        label: row.label,
        origin: row.origin,
        group: row.group,
        optimism: { ...est(row.optimism), sentences: row.optimism.sentences },
        sentiment: s ? Object.assign(sentimentDoc, { sentences: s.sentences }) : sentimentDoc,
        stance: stanceDoc,
      };
    }),
  };
}
