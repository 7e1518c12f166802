import type { Image, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { Entry } from '../../parse/entry.ts';
import { defineRule } from '../rule.ts';
import type { Position } from '../../types.ts';

/**
 * Placeholder words, matched case-insensitively as whole words: a letter, digit, `_` or `-` on
 * either side makes it part of another word ("todos", "XXXL", "to-do-list" are fine).
 */
const PLACEHOLDER = /(?<![\p{L}\p{N}_-])(?:todo|tbd|lorem\s+ipsum|x{3,}|n\/a)(?![\p{L}\p{N}_-])/giu;

/** JSX attributes that hold addresses or identifiers rather than reader-facing text. */
const NON_TEXT_ATTRIBUTES = /^(?:href|src|srcset|id|class|classname|name|key|target|rel|type|width|height)$/i;

type Path = (string | number)[];

function dotted(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** How the placeholder is shown in the message: as written, with runs of spaces collapsed. */
const shown = (match: string) => match.replace(/\s+/g, ' ');

/** The 1-based file position of `offset` in the body text. */
function bodyPosition(entry: Entry, offset: number): Position {
  const before = entry.body.text.slice(0, offset);
  const lines = before.split('\n');
  return { line: entry.body.line + lines.length - 1, column: lines[lines.length - 1]!.length + 1 };
}

export const rule = defineRule({
  id: 'placeholder-text',
  severity: 'warning',
  description: 'Placeholder text (TODO, TBD, lorem ipsum, N/A, xxx) left in a frontmatter field or in the body.',
  docs: 'Placeholders are fine while a page is being written, but once merged they are published as they are and readers take them for content. The rule looks for the words TODO, TBD, "lorem ipsum", N/A and xxx (any case, whole words only, so "todos" or "XXXL" are fine) in every frontmatter text and in the body, except inside code. Replace them with the real content, or remove the field or sentence until it is known.',
  messages: {
    field: 'The field "{{field}}" still holds the placeholder "{{found}}".',
    fieldNotApplicable: 'The field "{{field}}" is "{{found}}" (not applicable).',
    body: 'The text still holds the placeholder "{{found}}".',
  },
  hints: {
    field: 'Replace it with the real content, or remove the item or field until it is known: placeholders are published as they are.',
    fieldNotApplicable: 'Remove the field or item instead: optional fields that do not apply are simply left out.',
    body: 'Replace it with the real content, or remove the sentence until it is known: placeholders are published as they are.',
  },
  check({ graph, report }) {
    for (const entry of graph.entries) {
      if (entry.raw) {
        const walk = (value: unknown, path: Path) => {
          if (typeof value === 'string') {
            const found = value.match(PLACEHOLDER)?.[0];
            if (!found) return;
            const whole = /^\s*n\/a\s*$/i.test(value);
            report({ entry, messageId: whole ? 'fieldNotApplicable' : 'field', data: { field: dotted(path), found: shown(found) }, path });
          } else if (Array.isArray(value)) {
            value.forEach((item, index) => walk(item, [...path, index]));
          } else if (value !== null && typeof value === 'object') {
            for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
          }
        };
        walk(entry.raw, []);
      }
      const tree = entry.body.tree;
      if (!tree) continue;
      const reportText = (value: string, fallback: Position | undefined) => {
        for (const match of value.matchAll(PLACEHOLDER)) {
          report({ entry, messageId: 'body', data: { found: shown(match[0]) }, loc: fallback ?? { line: entry.body.line, column: 1 } });
        }
      };
      visit(tree, (node) => {
        if (node.type === 'text') {
          const text = node as Text;
          const start = text.position?.start;
          const end = text.position?.end;
          // Search the source so the column is exact even when escapes or entities change the text.
          const source = start?.offset !== undefined && end?.offset !== undefined ? entry.body.text.slice(start.offset, end.offset) : '';
          const matches = [...source.matchAll(PLACEHOLDER)];
          if (matches.length > 0) {
            for (const match of matches) report({ entry, messageId: 'body', data: { found: shown(match[0]) }, loc: bodyPosition(entry, start!.offset! + match.index) });
          } else {
            reportText(text.value, start);
          }
        } else if (node.type === 'image') {
          reportText((node as Image).alt ?? '', node.position?.start);
        } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
          for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
            if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || NON_TEXT_ATTRIBUTES.test(attribute.name)) continue;
            reportText(attribute.value, attribute.position?.start ?? node.position?.start);
          }
        }
      });
    }
  },
});
