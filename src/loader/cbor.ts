/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers, text
 * strings and definite-length arrays. Pagefind writes its metadata, word and filter indexes this way
 * (minicbor, structs as arrays); src/loader/pagefind-merge.ts reads and writes them. Encoding is
 * canonical (the shortest head for every number and length), so decoding a Pagefind file and
 * encoding the result gives back the same bytes.
 *
 * `CborReader` and `CborWriter` read and write item by item, for the index chunks, which are large
 * and of one known shape; `decodeCbor` and `encodeCbor` handle whole values. Four item types do not
 * justify a general CBOR library: the round trip over Pagefind's own files is what the tests hold
 * this module to.
 */

/** A decoded item: an integer, a text string or an array of items. */
export type Cbor = number | string | Cbor[];

/** Bytes that are not the CBOR this module reads, with the offset where reading stopped. */
export class CborError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.name = 'CborError';
    this.offset = offset;
  }
}

const MAJOR_UINT = 0;
const MAJOR_NINT = 1;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;
const MAJOR_NAMES = [
  'an unsigned integer',
  'a negative integer',
  'a byte string',
  'a text string',
  'an array',
  'a map',
];
const describe = (major: number) =>
  `${MAJOR_NAMES[major] ?? 'a tagged or simple value'} (major type ${major})`;

/** Reads items one at a time from `bytes`; every method throws CborError on anything unexpected. */
export class CborReader {
  private at = 0;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly text = new TextDecoder('utf-8', { fatal: true });

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes read so far. */
  get position(): number {
    return this.at;
  }

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.at === this.bytes.length;
  }

  private need(n: number): void {
    const short = this.at + n - this.bytes.length;
    if (short > 0) throw new CborError(`the data ends ${short} bytes early`, this.at);
  }

  /** The next item's major type, without reading it. */
  peek(): number {
    this.need(1);
    return this.bytes[this.at]! >> 5;
  }

  /** Reads a head: its major type and its argument (a number, or a length). */
  private head(): [number, number] {
    this.need(1);
    const byte = this.bytes[this.at++]!;
    const info = byte & 31;
    if (info < 24) return [byte >> 5, info];
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!width) {
      throw new CborError(`indefinite or reserved length (additional information ${info})`, this.at - 1);
    }
    this.need(width);
    const start = this.at;
    this.at += width;
    if (width === 1) return [byte >> 5, this.bytes[start]!];
    if (width === 2) return [byte >> 5, this.view.getUint16(start)];
    if (width === 4) return [byte >> 5, this.view.getUint32(start)];
    const big = this.view.getBigUint64(start);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError('an integer beyond 2^53', start);
    return [byte >> 5, Number(big)];
  }

  private expect(want: string, ok: (major: number) => boolean): [number, number] {
    const start = this.at;
    const [major, value] = this.head();
    if (!ok(major)) throw new CborError(`expected ${want}, found ${describe(major)}`, start);
    return [major, value];
  }

  /** An array's length; its items follow. */
  array(): number {
    const [, length] = this.expect('an array', (m) => m === MAJOR_ARRAY);
    // Every item takes at least one byte: a length beyond what is left is corrupt, not huge.
    this.need(length);
    return length;
  }

  /** An integer, positive or negative. */
  int(): number {
    const [major, value] = this.expect('an integer', (m) => m === MAJOR_UINT || m === MAJOR_NINT);
    return major === MAJOR_UINT ? value : -1 - value;
  }

  /** An array of integers. */
  ints(): number[] {
    const out = new Array<number>(this.array());
    for (let i = 0; i < out.length; i++) out[i] = this.int();
    return out;
  }

  /** A text string. */
  string(): string {
    const [, length] = this.expect('a text string', (m) => m === MAJOR_TEXT);
    this.need(length);
    const start = this.at;
    this.at += length;
    try {
      return this.text.decode(this.bytes.subarray(start, this.at));
    } catch {
      throw new CborError('a text string that is not UTF-8', start);
    }
  }

  /** Any item. */
  item(depth = 0): Cbor {
    if (depth > 64) throw new CborError('arrays nested more than 64 deep', this.at);
    const major = this.peek();
    if (major === MAJOR_UINT || major === MAJOR_NINT) return this.int();
    if (major === MAJOR_TEXT) return this.string();
    if (major === MAJOR_ARRAY) {
      const out: Cbor[] = new Array(this.array());
      for (let i = 0; i < out.length; i++) out[i] = this.item(depth + 1);
      return out;
    }
    throw new CborError(describe(major), this.at);
  }

  /** Throws unless every byte has been read. */
  end(): void {
    if (!this.done) throw new CborError(`${this.bytes.length - this.at} bytes after the item`, this.at);
  }
}

/** Writes items one at a time into a buffer that grows as needed. */
export class CborWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private at = 0;
  private readonly text = new TextEncoder();

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private head(major: number, n: number): void {
    this.room(9);
    const m = major << 5;
    if (n < 24) this.buf[this.at++] = m | n;
    else if (n < 0x100) {
      this.buf[this.at++] = m | 24;
      this.buf[this.at++] = n;
    } else if (n < 0x10000) {
      this.buf[this.at++] = m | 25;
      this.view.setUint16(this.at, n);
      this.at += 2;
    } else if (n < 0x100000000) {
      this.buf[this.at++] = m | 26;
      this.view.setUint32(this.at, n);
      this.at += 4;
    } else {
      this.buf[this.at++] = m | 27;
      this.view.setBigUint64(this.at, BigInt(n));
      this.at += 8;
    }
  }

  /** The head of an array of `length` items; write the items next. */
  array(length: number): this {
    this.head(MAJOR_ARRAY, length);
    return this;
  }

  /** A safe integer. */
  int(n: number): this {
    if (!Number.isSafeInteger(n)) throw new RangeError(`CBOR: ${n} is not a safe integer`);
    if (n >= 0) this.head(MAJOR_UINT, n);
    else this.head(MAJOR_NINT, -1 - n);
    return this;
  }

  /** An array of safe integers. */
  ints(list: readonly number[]): this {
    this.array(list.length);
    for (const n of list) this.int(n);
    return this;
  }

  /** A text string. */
  string(s: string): this {
    const bytes = this.text.encode(s);
    this.head(MAJOR_TEXT, bytes.length);
    this.room(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  /** Any item. */
  item(v: Cbor): this {
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.string(v);
    this.array(v.length);
    for (const x of v) this.item(x);
    return this;
  }

  /** What has been written, as a copy. */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

/** Decodes one item that fills `bytes` exactly. Throws CborError on anything else. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const reader = new CborReader(bytes);
  const value = reader.item();
  reader.end();
  return value;
}

/** Encodes `value` canonically. Numbers must be safe integers. */
export function encodeCbor(value: Cbor): Uint8Array {
  return new CborWriter().item(value).bytes();
}
