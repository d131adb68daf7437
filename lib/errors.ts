/**
 * The one error type news-stance throws for problems a user can meet: a bad corpus file, a
 * malformed option, a missing tool. It carries where the problem is (file, line, field) and
 * what to do, so the CLI can print one useful message and notebooks show it as-is.
 */
export interface ErrorPlace {
  /** File the problem is in, as the user would type it (relative to the working directory when possible). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** Field or option name, e.g. `group` or `options.minLength`. */
  field?: string;
}

export class NewsStanceError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly hint: string | undefined;

  constructor(problem: string, place: ErrorPlace = {}, hint?: string) {
    super(formatMessage(problem, place, hint));
    this.name = 'NewsStanceError';
    this.file = place.file;
    this.line = place.line;
    this.field = place.field;
    this.hint = hint;
  }
}

function formatMessage(problem: string, place: ErrorPlace, hint: string | undefined): string {
  const where = place.file ? `${place.file}${place.line ? `:${place.line}` : ''}: ` : '';
  const field = place.field ? `${place.field}: ` : '';
  return `${where}${field}${problem}${hint ? `. ${hint}` : ''}`;
}

/** Throws a NewsStanceError for an option that is not what the function expects. */
export function invalidOption(name: string, expected: string, got: unknown): never {
  throw new NewsStanceError(`expected ${expected}, got ${describe(got)}`, { field: `options.${name}` });
}

/** A short, quoted description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
