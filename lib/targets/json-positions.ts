import { NewsStanceError, lineOf } from '../errors';

/** A parsed JSON document and where each value starts, keyed by its path (`targets[2].aliases[0]`). */
export interface PositionedJson {
  value: unknown;
  /** Character offset where the value at that path starts ('' is the root). */
  offsets: ReadonlyMap<string, number>;
  /** 1-based line of the value at a path, or of its closest recorded parent. */
  lineOf(path: string): number | undefined;
}

/**
 * Parses JSON text like JSON.parse, and also records where every value starts so that
 * validation errors can name a line. Throws a NewsStanceError naming file and line on a syntax
 * error.
 */
export function parseJsonWithPositions(text: string, file?: string): PositionedJson {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (what: string): never => {
    throw new NewsStanceError(`invalid JSON: ${what}`, { file, line: lineOf(text, i) }, 'Check the quotes, commas and brackets near that line');
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r' || text[i] === '\ufeff')) i++;
  };
  const str = (): string => {
    // i is on the opening quote
    let out = '';
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('bad escape in string');
        }
        continue;
      }
      if (c === '\n') fail('line break inside a string');
      out += c;
      i++;
    }
  };
  const value = (path: string): unknown => {
    ws();
    offsets.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a quoted key');
        const key = str();
        ws();
        if (text[i] !== ':') fail(`expected ":" after "${key}"`);
        i++;
        obj[key] = value(path ? `${path}.${key}` : key);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${path}[${arr.length}]`));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!lit) fail(i >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`);
    const token = lit![0];
    i += token.length;
    return token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
  };
  const root = value('');
  ws();
  if (i < text.length) fail('unexpected text after the end of the document');
  return {
    value: root,
    offsets,
    lineOf(path: string): number | undefined {
      let p = path;
      for (;;) {
        const at = offsets.get(p);
        if (at !== undefined) return lineOf(text, at);
        if (p === '') return undefined;
        const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        p = cut <= 0 ? '' : p.slice(0, cut);
      }
    },
  };
}
