import { describe, expect, test } from 'vitest';
import type { EntryType } from '../schema/index.ts';
import { count, countEntries, joinList, plural } from './words.ts';

describe('plural', () => {
  test.each([
    { n: 0, one: 'error', many: undefined, expected: 'errors' },
    { n: 1, one: 'error', many: undefined, expected: 'error' },
    { n: 2, one: 'error', many: undefined, expected: 'errors' },
    { n: 1, one: 'entry', many: 'entries', expected: 'entry' },
    { n: 3, one: 'entry', many: 'entries', expected: 'entries' },
    { n: 1, one: 'page is', many: 'pages are', expected: 'page is' },
  ])('plural($n, $one, $many) is "$expected"', ({ n, one, many, expected }) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});

describe('count', () => {
  test.each([
    { n: 0, one: 'file', many: undefined, expected: '0 files' },
    { n: 1, one: 'file', many: undefined, expected: '1 file' },
    { n: 12, one: 'file', many: undefined, expected: '12 files' },
    { n: 1, one: 'fit criterion', many: 'fit criteria', expected: '1 fit criterion' },
    { n: 2, one: 'fit criterion', many: 'fit criteria', expected: '2 fit criteria' },
  ])('count($n, $one, $many) is "$expected"', ({ n, one, many, expected }) => {
    expect(count(n, one, many)).toBe(expected);
  });
});

describe('countEntries', () => {
  test.each<{ n: number; type: EntryType; expected: string }>([
    { n: 1, type: 'icp', expected: '1 ICP' },
    { n: 2, type: 'icp', expected: '2 ICPs' },
    { n: 1, type: 'persona', expected: '1 persona' },
    { n: 0, type: 'persona', expected: '0 personas' },
    { n: 3, type: 'term', expected: '3 glossary terms' },
    { n: 1, type: 'guide', expected: '1 guide' },
  ])('countEntries($n, $type) is "$expected"', ({ n, type, expected }) => {
    expect(countEntries(n, type)).toBe(expected);
  });
});

describe('joinList', () => {
  test.each<{ items: string[]; conjunction?: 'and' | 'or'; expected: string }>([
    { items: [], expected: '' },
    { items: ['a'], expected: 'a' },
    { items: ['a', 'b'], expected: 'a and b' },
    { items: ['a', 'b', 'c'], expected: 'a, b and c' },
    { items: ['a', 'b'], conjunction: 'or', expected: 'a or b' },
    { items: ['/', '/fit/', '/matrix/'], conjunction: 'or', expected: '/, /fit/ or /matrix/' },
  ])('joins $items with "$conjunction" as "$expected"', ({ items, conjunction, expected }) => {
    expect(joinList(items, conjunction)).toBe(expected);
  });
});
