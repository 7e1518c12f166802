import { describe, expect, test } from 'vitest';
import { type Cbor, CborError, decodeCbor, encodeCbor } from './cbor.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('encodeCbor', () => {
  // Encodings from RFC 8949, Appendix A.
  test.each<[Cbor, string]>([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [255, '18ff'],
    [256, '190100'],
    [65_535, '19ffff'],
    [65_536, '1a00010000'],
    [1_000_000, '1a000f4240'],
    [4_294_967_296, '1b0000000100000000'],
    [-1, '20'],
    [-24, '37'],
    [-25, '3818'],
    [-100, '3863'],
    [-1000, '3903e7'],
    ['', '60'],
    ['a', '6161'],
    ['\u00fc', '62c3bc'],
    ['\u6c34', '63e6b0b4'],
    ['\u{10151}', '64f0908591'],
    [[], '80'],
    [[1, [2, 3], [4, 5]], '8301820203820405'],
  ])('%j is %s, the shortest form', (value, expected) => {
    expect(hex(encodeCbor(value))).toBe(expected);
    expect(decodeCbor(bytes(expected))).toEqual(value);
  });

  test('a list longer than 23 items carries its length in the next byte', () => {
    const list = Array.from({ length: 25 }, (_, i) => i + 1);
    const encoded = encodeCbor(list);
    expect(hex(encoded.subarray(0, 2))).toBe('9819');
    expect(decodeCbor(encoded)).toEqual(list);
  });

  test('round-trips a structure shaped like a Pagefind word index', () => {
    const chunk: Cbor = [
      [
        [
          'forecast',
          [
            [0, [3, 12, -8, 0], [-1, 0]],
            [4, [7], []],
          ],
          [['forécast', [[9, [1], []]]]],
        ],
      ],
    ];
    expect(decodeCbor(encodeCbor(chunk))).toEqual(chunk);
  });

  test('grows its buffer past 64 kB', () => {
    const long = 'x'.repeat(100_000);
    expect(decodeCbor(encodeCbor([long, long]))).toEqual([long, long]);
  });

  test('refuses numbers that are not safe integers', () => {
    expect(() => encodeCbor(1.5)).toThrow(/1.5 is not a safe integer/);
    expect(() => encodeCbor(2 ** 60)).toThrow(RangeError);
  });
});

describe('decodeCbor', () => {
  test.each([
    ['', /the data ends 1 bytes early/],
    ['1901', /the data ends 1 bytes early/],
    ['63e6b0', /the data ends 1 bytes early/],
    ['83010203ff', /1 bytes after the item/],
    ['9f01ff', /indefinite or reserved length/],
    ['a0', /a map \(major type 5\)/],
    ['4100', /a byte string \(major type 2\)/],
    ['f5', /tagged or simple value \(major type 7\)/],
    ['62c328', /not UTF-8/],
    ['1bffffffffffffffff', /beyond 2\^53/],
    ['9a7fffffff', /the data ends/],
  ])('rejects %s with a message that says why', (input, message) => {
    expect(() => decodeCbor(bytes(input))).toThrow(CborError);
    expect(() => decodeCbor(bytes(input))).toThrow(message);
  });

  test('says where in the data it stopped', () => {
    try {
      decodeCbor(bytes('8201a0'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CborError);
      expect((error as CborError).offset).toBe(2);
      expect((error as Error).message).toMatch(/\(at byte 2\)$/);
    }
  });

  test('refuses arrays nested deeper than any Pagefind file', () => {
    expect(() => decodeCbor(new Uint8Array(100).fill(0x81))).toThrow(/nested more than 64 deep/);
  });
});
