/**
 * Dense integer ids for strings: the per-word look-up of the tokenizer's vocabulary and of the
 * sentence scorer.
 *
 * Why not a Map: the tokenizer makes a new string for every token, and V8 hashes a string in
 * its runtime the first time the string is used as a Map or object key; with the keys and
 * values scattered over the heap, those look-ups were most of the scorer's time. This table
 * hashes in JavaScript (FNV-1a over the UTF-16 units, no allocation) and keeps everything in
 * a few typed arrays, so that a look-up touches little memory: open addressing with linear
 * probing (at most half full), each slot holding a key's hash and id side by side, and the
 * keys' characters in one pool to compare against. Keys are never removed; ids count up
 * from 0.
 */
export class WordIds {
  /** Slot count minus one (the slot count is a power of two). */
  private mask = 0;
  /** Two entries per slot: the key's hash, then 1 + its id (0: empty slot). */
  private slots = new Int32Array(0);
  /** The keys' UTF-16 units, one after the other. */
  private pool = new Uint16Array(1024);
  /** Where each key starts in `pool`; key `id` ends where key `id + 1` starts. */
  private starts = new Int32Array(256);
  private count = 0;

  /** A table for about `expected` keys (it grows as needed). */
  constructor(expected = 8) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.resize(size);
  }

  /** The id of `key`, or -1 if it was never added. */
  find(key: string): number {
    const h = hashOf(key);
    const { slots, mask } = this;
    for (let p = spread(h) & mask; ; p = (p + 1) & mask) {
      const id = slots[2 * p + 1] - 1;
      if (id < 0) return -1;
      if (slots[2 * p] === h && this.keyIs(id, key)) return id;
    }
  }

  /**
   * The id of the key whose units are those of `text` from `start` to `end` passed through
   * `map` (a UTF-16 unit to the key's unit), given the key's hash `h` ({@link hashOf} of the
   * mapped units); -1 if it was never added. Nothing is allocated.
   */
  findMapped(h: number, text: string, start: number, end: number, map: (unit: number) => number): number {
    const { slots, mask } = this;
    const n = end - start;
    for (let p = spread(h) & mask; ; p = (p + 1) & mask) {
      const id = slots[2 * p + 1] - 1;
      if (id < 0) return -1;
      if (slots[2 * p] !== h) continue;
      const from = this.starts[id];
      if (this.starts[id + 1] - from !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++) {
        if (this.pool[from + i] !== map(text.charCodeAt(start + i))) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /**
   * {@link findMapped} for a run of ASCII letters mapped to lower case, without a call per unit:
   * the tokenizer's commonest look-up.
   */
  findLowerAscii(h: number, text: string, start: number, end: number): number {
    const { slots, mask, pool, starts } = this;
    const n = end - start;
    for (let p = spread(h) & mask; ; p = (p + 1) & mask) {
      const id = slots[2 * p + 1] - 1;
      if (id < 0) return -1;
      if (slots[2 * p] !== h) continue;
      const from = starts[id];
      if (starts[id + 1] - from !== n) continue;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(start + i);
        if (pool[from + i] !== (c <= 90 ? c + 32 : c)) break;
      }
      if (i === n) return id;
    }
  }

  /** How many keys there are (ids run from 0 to size - 1). */
  get size(): number {
    return this.count;
  }

  /** The id of `key`, which must not have been added yet: the next free id. */
  add(key: string): number {
    const id = this.count++;
    if (id + 1 >= this.starts.length) {
      const starts = new Int32Array((id + 1) * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    const start = this.starts[id];
    if (start + key.length > this.pool.length) {
      const pool = new Uint16Array((start + key.length) * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = 0; i < key.length; i++) this.pool[start + i] = key.charCodeAt(i);
    this.starts[id + 1] = start + key.length;
    this.place(hashOf(key), id);
    if (this.count * 2 > this.mask + 1) this.resize((this.mask + 1) * 2);
    return id;
  }

  /** Whether key `id` is `key`. */
  private keyIs(id: number, key: string): boolean {
    const start = this.starts[id];
    const n = key.length;
    if (this.starts[id + 1] - start !== n) return false;
    for (let i = 0; i < n; i++) if (this.pool[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Puts id `id`, of hash `h`, in the first free slot from its own. */
  private place(h: number, id: number): void {
    let p = spread(h) & this.mask;
    while (this.slots[2 * p + 1] !== 0) p = (p + 1) & this.mask;
    this.slots[2 * p] = h;
    this.slots[2 * p + 1] = id + 1;
  }

  /** Re-creates the slots with `size` of them and places every key again. */
  private resize(size: number): void {
    const old = this.slots;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let q = 0; q < old.length; q += 2) if (old[q + 1] !== 0) this.place(old[q], old[q + 1] - 1);
  }
}

/** FNV-1a hash of a string's UTF-16 units: start with {@link HASH_START}, then {@link hashStep} per unit. */
export function hashOf(s: string): number {
  let h = HASH_START;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** The FNV-1a offset basis. */
export const HASH_START = 0x811c9dc5 | 0;

/** One FNV-1a step: the hash `h` followed by the unit `u`. */
export function hashStep(h: number, u: number): number {
  return Math.imul(h ^ u, 0x01000193);
}

/** Mixes the high bits of a hash into the low ones, which pick the slot. */
function spread(h: number): number {
  return h ^ (h >>> 15);
}
