import { NewsStanceError, describe, lineOf } from '../errors';
import { jsonErrorOffset } from './json-position';
import { SOURCE_GROUPS, SOURCE_KINDS, type SourceGroup, type SourceKind, type SourceMeta } from './source';

/** Characters an id may use: it names files, so no separators or spaces. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Line of `"field":` in a JSON text, for error messages; 1 when not found. */
function fieldLine(json: string, field: string): number {
  const at = json.indexOf(`"${field}"`);
  return at < 0 ? 1 : lineOf(json, at);
}

/**
 * Parses and validates a metadata JSON text. Errors name the file, the line and the field, and
 * say what is allowed.
 *
 * @param json the file's text
 * @param file the file's path, for messages
 * @param expectedId the id the file name implies; the `id` field must equal it
 */
export function parseMeta(json: string, file: string, expectedId?: string): SourceMeta {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const at = jsonErrorOffset(json);
    const line = lineOf(json, Math.max(0, at));
    const near = at >= 0 && at < json.length ? `unexpected ${JSON.stringify(json[at])}` : 'unexpected end of file';
    throw new NewsStanceError(`not valid JSON (${near})`, { file, line }, 'Fix the syntax; README.md "Corpus format" shows a complete example');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewsStanceError('expected a JSON object of source metadata', { file, line: 1 });
  }
  const obj = value as Record<string, unknown>;
  const fail = (field: string, problem: string, hint?: string): never => {
    throw new NewsStanceError(problem, { file, line: fieldLine(json, field), field }, hint);
  };
  const text = (field: string, required: boolean): string | null => {
    const v = obj[field];
    if (v === undefined || v === null) {
      if (required) fail(field, 'missing required field', `Add "${field}": "..." to the object`);
      return null;
    }
    if (typeof v !== 'string') return fail(field, `expected a string, got ${describe(v)}`);
    if (required && v.trim() === '') fail(field, 'must not be empty');
    return v;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T => {
    const v = text(field, true) as string;
    if (!(allowed as readonly string[]).includes(v)) fail(field, `${describe(v)} is not one of ${allowed.join(', ')}`);
    return v as T;
  };

  const known = new Set(['id', 'label', 'outlet', 'title', 'url', 'date', 'kind', 'group', 'origin', 'language', 'notes']);
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) fail(key, 'unknown field', `Known fields: ${[...known].join(', ')}`);
  }

  const id = text('id', true) as string;
  if (!ID_PATTERN.test(id)) fail('id', `${describe(id)} is not a valid id`, 'Use letters, digits, "_", "-" or "." (at most 100)');
  if (expectedId !== undefined && id !== expectedId) {
    fail('id', `${describe(id)} does not match the file name (${expectedId})`, `Rename the files or set "id": "${expectedId}"`);
  }
  const url = text('url', false);
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) fail('url', `${describe(url)} is not an http(s) URL`, 'Use null when the text gives no URL');
  const date = text('date', false);
  if (date !== null && (!DATE_PATTERN.test(date) || Number.isNaN(Date.parse(date)))) {
    fail('date', `${describe(date)} is not an ISO date`, 'Use YYYY-MM-DD (or YYYY-MM-DDTHH:MM), or null when the text gives none');
  }
  const language = text('language', false) ?? 'en';
  if (!/^[a-z]{2}$/.test(language)) fail('language', `${describe(language)} is not a two-letter ISO 639-1 code`);
  const notes = text('notes', false);

  const meta: SourceMeta = {
    id,
    label: text('label', true) as string,
    outlet: text('outlet', true) as string,
    title: text('title', true) as string,
    url,
    date,
    kind: oneOf<SourceKind>('kind', SOURCE_KINDS),
    group: oneOf<SourceGroup>('group', SOURCE_GROUPS),
    origin: text('origin', true) as string,
    language,
  };
  if (notes !== null) meta.notes = notes;
  return meta;
}

/** Serialises metadata the way the corpus stores it: two-space JSON, fields in a fixed order, final newline. */
export function formatMeta(meta: SourceMeta): string {
  const ordered: Record<string, unknown> = {
    id: meta.id,
    label: meta.label,
    outlet: meta.outlet,
    title: meta.title,
    url: meta.url,
    date: meta.date,
    kind: meta.kind,
    group: meta.group,
    origin: meta.origin,
    language: meta.language,
  };
  if (meta.notes !== undefined) ordered.notes = meta.notes;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
