import { describe, expect, test } from 'vitest';
import { csvCell } from './format.ts';

describe('csvCell', () => {
  test.each([
    ['Acme', 'Acme'],
    ['Kestrel Payments, Inc.', '"Kestrel Payments, Inc."'],
    ['Say "hi"', '"Say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['-2+3', "'-2+3"],
    ['-12', '-12'],
    ['100', '100'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
