import { describe, expect, test } from 'vitest';
import { unsafeScheme } from './mdx-safety.ts';

describe('unsafeScheme', () => {
  test.each([
    ['javascript:alert(1)', 'javascript'],
    ['JAVASCRIPT:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['\u0000javascript:x', 'javascript'],
    ['java\u200bscript:x', 'javascript'],
    ['&#106;avascript:x', 'javascript'],
    ['&#x6A;avascript&colon;x', 'javascript'],
    ['data:text/html,<script>', 'data'],
    ['vbscript:msgbox', 'vbscript'],
    ['https://example.com/javascript:', undefined],
    ['/guides/data:x/', undefined],
    ['mailto:a@example.com', undefined],
    ['#section', undefined],
  ])('%j → %s', (url, scheme) => {
    expect(unsafeScheme(url)).toBe(scheme);
  });
});
