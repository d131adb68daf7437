import type { SourceRef } from '../analysis/types';

/**
 * Colours shared by every chart: each comparison group has a hue (orange for the optimistic
 * explainers, blue for sceptical reporting, purple for other), and the sources of a group take
 * shades of their group's hue, so a reader sees the grouping in any chart. A source's shade is
 * its rank by id among the sources of its group, so it is the same in every chart that is given
 * the same sources.
 */

/** Colours per group: `group` for group-level marks, `shades` (dark, light, darker, lighter) for its sources. */
export const PALETTE = Object.freeze({
  'optimistic-explainer': Object.freeze({ group: '#e8711a', shades: Object.freeze(['#b84a00', '#f5a35c', '#7f3300', '#fcc994']) }),
  'sceptical-reporting': Object.freeze({ group: '#2f78c4', shades: Object.freeze(['#0b4a8f', '#74aee6', '#062f5c', '#a9cdf0']) }),
  other: Object.freeze({ group: '#8a63b8', shades: Object.freeze(['#5e3c8c', '#b79ad9', '#3d2460', '#d6c4ec']) }),
});

/** Colour of a group this version does not know. */
export const UNKNOWN_GROUP_COLOR = '#888888';
const UNKNOWN_SHADES = Object.freeze(['#555555', '#999999', '#333333', '#bbbbbb']);

type Family = { group: string; shades: readonly string[] };
const familyOf = (group: string): Family | undefined => (PALETTE as Readonly<Record<string, Family>>)[group];

/** The colour of a comparison group (bars, group annotations). */
export function groupColor(group: string): string {
  return familyOf(group)?.group ?? UNKNOWN_GROUP_COLOR;
}

/**
 * The colour of a source: a shade of its group's hue. `sources` are the sources drawn together
 * (all of the corpus for consistent colours across charts); the shade is the source's rank by id
 * among those of its group. Without `sources`, the first shade.
 *
 * @example sourceColor(row, matrix.rows) // '#b84a00' for the first optimistic explainer
 */
export function sourceColor(ref: Pick<SourceRef, 'source' | 'group'>, sources: ReadonlyArray<Pick<SourceRef, 'source' | 'group'>> = [ref]): string {
  const shades = familyOf(ref.group)?.shades ?? UNKNOWN_SHADES;
  const ids = [...new Set([ref.source, ...sources.filter((s) => s.group === ref.group).map((s) => s.source)])].sort();
  return shades[ids.indexOf(ref.source) % shades.length];
}

/** Colours of all the given sources by id, each from {@link sourceColor} with the same list. */
export function sourceColors(sources: ReadonlyArray<Pick<SourceRef, 'source' | 'group'>>): Map<string, string> {
  return new Map(sources.map((s) => [s.source, sourceColor(s, sources)]));
}
