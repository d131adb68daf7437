/**
 * A small JSON parser that remembers the line of every value and key, so that a validator can
 * say "modifiers.json:12: intensifiers.very: ..." instead of just "bad value". Strict JSON
 * (RFC 8259) only; duplicate keys are an error rather than silently overwritten.
 */

/** A parsed JSON value with the 1-based line it starts on. */
export type Located =
  | { kind: 'object'; line: number; entries: Array<{ key: string; keyLine: number; value: Located }> }
  | { kind: 'array'; line: number; items: Located[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'boolean'; line: number; value: boolean }
  | { kind: 'null'; line: number };

/** A syntax error at a 1-based line. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses a JSON text, throwing {@link JsonSyntaxError} with the line of the first problem. */
export function parseLocated(text: string): Located {
  let i = 0;
  let line = 1;
  const fail = (what: string): never => {
    const near = i < text.length ? `unexpected ${JSON.stringify(text[i])}` : 'unexpected end of file';
    throw new JsonSyntaxError(`invalid JSON: ${near}, expected ${what}`, line);
  };
  const space = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c < ' ') fail('a closing quote before the end of the line');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          i += 2;
        } else {
          i++;
          fail('a valid escape');
        }
      } else {
        out += c;
        i++;
      }
    }
    return fail('a closing quote');
  };
  const value = (): Located => {
    space();
    const at = line;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<{ key: string; keyLine: number; value: Located }> = [];
      const seen = new Set<string>();
      space();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', line: at, entries };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('a double-quoted key');
        const keyLine = line;
        const key = str();
        if (seen.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, keyLine);
        seen.add(key);
        space();
        if (text[i] !== ':') fail('":" after a key');
        i++;
        entries.push({ key, keyLine, value: value() });
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', line: at, entries };
        }
        fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: Located[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', line: at, items };
      }
      for (;;) {
        items.push(value());
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', line: at, items };
        }
        fail('"," or "]"');
      }
    }
    if (c === '"') return { kind: 'string', line: at, value: str() };
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      i += num[0].length;
      return { kind: 'number', line: at, value: Number(num[0]) };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v === null ? { kind: 'null', line: at } : { kind: 'boolean', line: at, value: v };
      }
    }
    return fail('a value');
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const root = value();
  space();
  if (i < text.length) fail('the end of the file');
  return root;
}

/** What kind of JSON value this is, in words, for error messages. */
export function kindOf(v: Located): string {
  switch (v.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(v.value.length > 40 ? `${v.value.slice(0, 37)}...` : v.value)}`;
    case 'number':
      return `the number ${v.value}`;
    case 'boolean':
      return String(v.value);
    default:
      return 'null';
  }
}
