import { strict as assert } from 'node:assert';
import { frame, unframe } from '../../lib/io/framed';

describe('framed files (lib/io/framed.ts)', () => {
  it('read back header, text and numbers exactly, NaN and -0 included', () => {
    const text = 'Putin commended Trump’s “courage” — «ça va»';
    const numbers = [1, -0, NaN, Infinity, 0.1 + 0.2, -1e-300];
    const back = unframe(frame({ format: 'x', n: 2 }, text, numbers));
    assert.deepEqual(back.header, { format: 'x', n: 2 });
    assert.equal(back.text, text);
    assert.deepEqual([...back.numbers], numbers);
    assert.ok(Object.is(back.numbers[1], -0));
    // A view that does not start at offset 0 of its buffer reads the same.
    const bytes = frame({}, 'ab', [3]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepEqual([...unframe(shifted.subarray(3)).numbers], [3]);
  });

  it('refuses bytes cut short or not written by frame, saying what is wrong', () => {
    const bytes = frame({ a: 1 }, 'text', [1, 2]);
    assert.throws(() => unframe(bytes.subarray(0, 2)), /too short/);
    assert.throws(() => unframe(bytes.subarray(0, 8)), /header cut short/);
    assert.throws(() => unframe(bytes.subarray(0, bytes.length - 4)), /numbers cut short/);
    assert.throws(() => unframe(Buffer.from('\u0004\u0000\u0000\u0000{"a"')), /header is not JSON/);
  });
});
