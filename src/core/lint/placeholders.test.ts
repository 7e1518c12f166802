/**
 * bodyPlaceholders searches a body's source before walking its tree; the search must never pass
 * over a body whose text holds a placeholder, however the source spells it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseBody } from '../parse/body.ts';
import { bodyPlaceholders, searchBody } from './placeholders.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

const parsed = (text: string) => parseBody(text, 4).body;

/** Bodies that spell a placeholder in their text but not in their source, and their near misses. */
const SPELLED = [
  'Owner: T&#79;DO, then T&#x4f;D&#x4F;.',
  'Budget: t&#98;d, and n&#x2F;a or n&sol;a.',
  'L&#111;rem ipsum dolor, and x&#120;x.',
  'Escaped: n\\/a and TO\\DO and \\xxx.',
  '![T&#79;DO](/img.png) and ![lorem ipsum](/b.png)',
  '<Callout title="T&#79;DO">x</Callout>',
  '<Callout title="n/a" href="todo">x</Callout>',
  'Long s: lorem ipſum; Kelvin: todo\u212A; todos, XXXL and to-do are words.',
  'Nothing here at all, only plain prose about a buyer and a budget.',
  '`TODO` in code, and ```\nTBD\n```',
];

describe('bodyPlaceholders', () => {
  test.each(SPELLED)('finds what the full search finds: %s', (text) => {
    const body = parsed(text);
    expect(bodyPlaceholders(body)).toEqual(searchBody(body));
  });

  test('finds the placeholders the source spells with references and escapes', () => {
    expect(bodyPlaceholders(parsed(SPELLED[0]!)).map((p) => p.found)).toEqual(['TODO', 'TODO']);
    expect(bodyPlaceholders(parsed('Budget: n\\/a.')).map((p) => p.found)).toEqual(['n/a']);
  });

  test('agrees with the full search on every body of the example playbook and the fixtures', () => {
    const files = ['content', join('tests', 'fixtures')].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => readFileSync(join(ROOT, dir, f), 'utf8')),
    );
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const body = parsed(file.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ''));
      expect(bodyPlaceholders(body)).toEqual(searchBody(body));
    }
  });

  test('agrees with the full search on text built from placeholder pieces, references and escapes', () => {
    const piece = fc.constantFrom(
      'to',
      'do',
      'TO',
      'D',
      'tb',
      'd',
      'x',
      'X',
      'n',
      '/',
      'a',
      'lorem',
      'ipsum',
      'ipſum',
      ' ',
      '\n',
      '&#79;',
      '&#x4F;',
      '&#98;',
      '&#120;',
      '&sol;',
      '&amp;',
      '\\',
      '\\/',
      '*',
      '_',
      '`',
      '[',
      '](/x)',
      '<B>',
      '</B>',
      '<C t="',
      '">',
      '![',
      '|',
      '-',
      '\u212A',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const body = parsed(pieces.join(''));
        expect(bodyPlaceholders(body)).toEqual(searchBody(body));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
