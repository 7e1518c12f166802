/**
 * Placeholder text — TODO, TBD, lorem ipsum, N/A, xxx — left in frontmatter values or in a body,
 * for the `placeholder-text` rule. Code is never searched, nor addresses and identifiers.
 */
import type { Image, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { KeyPath } from '../parse/raw.ts';
import { eachNode } from '../parse/walk.ts';
import type { Body, Position } from '../types.ts';

/**
 * Placeholder words, matched case-insensitively as whole words: a letter, digit, `_` or `-` on
 * either side makes it part of another word ("todos", "XXXL", "to-do-list" are fine).
 */
const PLACEHOLDER = /(?<![\p{L}\p{N}_-])(?:todo|tbd|lorem\s+ipsum|x{3,}|n\/a)(?![\p{L}\p{N}_-])/giu;

/** JSX attributes that hold addresses or identifiers rather than reader-facing text. */
const NON_TEXT_ATTRIBUTES = /^(?:href|src|srcset|id|class|classname|name|key|target|rel|type|width|height)$/i;

/** How the placeholder is shown in the message: as written, with runs of spaces collapsed. */
const shown = (match: string) => match.replace(/\s+/g, ' ');

export interface FieldPlaceholder {
  path: KeyPath;
  /** The first placeholder in the value, as shown to readers. */
  found: string;
  /** The whole value is "N/A": the field should be left out rather than filled in. */
  notApplicable: boolean;
}

export interface BodyPlaceholder {
  found: string;
  loc: Position;
}

/** Every frontmatter string that holds a placeholder (once per string), in document order. */
export function fieldPlaceholders(raw: unknown): FieldPlaceholder[] {
  const found: FieldPlaceholder[] = [];
  const walk = (value: unknown, path: KeyPath) => {
    if (typeof value === 'string') {
      const first = value.match(PLACEHOLDER)?.[0];
      if (first) found.push({ path, found: shown(first), notApplicable: /^\s*n\/a\s*$/i.test(value) });
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(raw, []);
  return found;
}

/**
 * The 1-based file position of offsets in the body text. It walks forward from the last offset
 * asked for, so a body's placeholders, asked for in document order, cost one pass over the text
 * however many there are (a pass per placeholder would be quadratic, §12).
 */
function bodyPositions(body: Body): (offset: number) => Position {
  let at = 0;
  let line = body.line;
  let column = 1;
  return (offset) => {
    if (offset < at) [at, line, column] = [0, body.line, 1];
    for (; at < offset; at++) {
      if (body.text.charCodeAt(at) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column };
  };
}

/**
 * What a body's source must hold for any of its text to hold a placeholder: one of the words
 * (folded as PLACEHOLDER folds them), or a character reference or escape, which can spell one in
 * a text value that its source does not ("T&#79;DO"). Most bodies hold none, and a search of the
 * whole text is far cheaper than walking its tree (3.9 % of a cold lint's time before).
 */
const MAY_HOLD = /todo|tbd|lorem|xxx|n\/a|[&\\]/iu;

/** Every placeholder in the text of a body, image alt texts and text attributes of elements included. */
export function bodyPlaceholders(body: Body): BodyPlaceholder[] {
  return MAY_HOLD.test(body.text) ? searchBody(body) : [];
}

/** bodyPlaceholders without the search of the source first; exported for the test that they agree. */
export function searchBody(body: Body): BodyPlaceholder[] {
  const found: BodyPlaceholder[] = [];
  if (!body.tree) return found;
  const bodyPosition = bodyPositions(body);
  const inText = (value: string, at: Position | undefined) => {
    for (const match of value.matchAll(PLACEHOLDER)) {
      found.push({ found: shown(match[0]), loc: at ?? { line: body.line, column: 1 } });
    }
  };
  eachNode(body.tree, (node) => {
    if (node.type === 'text') {
      const start = (node as Text).position?.start;
      const end = (node as Text).position?.end;
      // Search the source so the column is exact even when escapes or entities change the text.
      const hasSource = start?.offset !== undefined && end?.offset !== undefined;
      const source = hasSource ? body.text.slice(start.offset, end.offset) : '';
      const matches = [...source.matchAll(PLACEHOLDER)];
      for (const match of matches) {
        found.push({ found: shown(match[0]), loc: bodyPosition(start!.offset! + match.index) });
      }
      if (matches.length === 0) inText((node as Text).value, start);
    } else if (node.type === 'image') {
      inText((node as Image).alt ?? '', node.position?.start);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        if (NON_TEXT_ATTRIBUTES.test(attribute.name)) continue;
        inText(attribute.value, attribute.position?.start ?? node.position?.start);
      }
    }
  });
  return found;
}
