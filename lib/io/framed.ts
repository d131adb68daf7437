/**
 * A small binary file layout for the cache's files (scored sentences, matrix rows): a JSON
 * header, a text, and numbers as 64-bit floats, so that reading them back parses nothing per
 * value and gives every number bit for bit (NaN and -0 included):
 *
 *   uint32 (little-endian)  byte length H of the header
 *   H bytes                 the header, JSON
 *   zeros                   up to a multiple of 8 bytes
 *   uint32                  byte length T of the text
 *   T bytes                 the text, UTF-8
 *   zeros                   up to a multiple of 8 bytes
 *   float64 ...             the numbers (platform byte order: little-endian wherever node runs)
 */

/** The parts of a framed file. */
export interface Framed {
  header: unknown;
  text: string;
  numbers: Float64Array;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The bytes of a framed file. */
export function frame(header: unknown, text: string, numbers: ArrayLike<number>): Buffer {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const body = Buffer.from(text, 'utf8');
  const textAt = align8(4 + head.length);
  const numbersAt = align8(textAt + 4 + body.length);
  const out = Buffer.alloc(numbersAt + numbers.length * 8);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  out.writeUInt32LE(body.length, textAt);
  body.copy(out, textAt + 4);
  const values = numbers instanceof Float64Array ? numbers : Float64Array.from(numbers);
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(out, numbersAt);
  return out;
}

/** The parts of a framed file; throws an Error saying what is wrong with bytes it did not write (cut short, not JSON). */
export function unframe(bytes: Uint8Array): Framed {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4) throw new Error('too short');
  const headLength = buf.readUInt32LE(0);
  if (4 + headLength > buf.length) throw new Error('header cut short');
  let header: unknown;
  try {
    header = JSON.parse(buf.toString('utf8', 4, 4 + headLength));
  } catch {
    throw new Error('header is not JSON');
  }
  const textAt = align8(4 + headLength);
  if (textAt + 4 > buf.length) throw new Error('text cut short');
  const textLength = buf.readUInt32LE(textAt);
  const numbersAt = align8(textAt + 4 + textLength);
  if (numbersAt > buf.length || (buf.length - numbersAt) % 8 !== 0) throw new Error('numbers cut short');
  const text = buf.toString('utf8', textAt + 4, textAt + 4 + textLength);
  // Copied out: the numbers' offset in the file's buffer need not be a multiple of 8.
  const numbers = new Float64Array((buf.length - numbersAt) / 8);
  new Uint8Array(numbers.buffer).set(buf.subarray(numbersAt));
  return { header, text, numbers };
}
