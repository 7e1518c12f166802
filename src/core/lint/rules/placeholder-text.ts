import { dotted } from '../../parse/raw.ts';
import { bodyPlaceholders, fieldPlaceholders } from '../placeholders.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'placeholder-text',
  severity: 'warning',
  description:
    'Placeholder text (TODO, TBD, lorem ipsum, N/A, xxx) left in a frontmatter field or in the body.',
  docs:
    'Placeholders are fine while a page is being written, but once merged they are published as they are ' +
    'and readers take them for content. The rule looks for the words TODO, TBD, "lorem ipsum", N/A and xxx ' +
    '(any case, whole words only, so "todos" or "XXXL" are fine) in every frontmatter text and in the ' +
    'body, except inside code. Replace them with the real content, or remove the field or sentence until ' +
    'it is known.',
  messages: {
    field: 'The field "{{field}}" still holds the placeholder "{{found}}".',
    fieldNotApplicable: 'The field "{{field}}" is "{{found}}" (not applicable).',
    body: 'The text still holds the placeholder "{{found}}".',
  },
  hints: {
    field:
      'Replace it with the real content, or remove the item or field until it is known: placeholders are ' +
      'published as they are.',
    fieldNotApplicable:
      'Remove the field or item instead: optional fields that do not apply are simply left out.',
    body:
      'Replace it with the real content, or remove the sentence until it is known: placeholders are ' +
      'published as they are.',
  },
  check({ graph, report }) {
    for (const entry of graph.entries) {
      for (const { path, found, notApplicable } of fieldPlaceholders(entry.raw)) {
        const messageId = notApplicable ? 'fieldNotApplicable' : 'field';
        report({ entry, messageId, data: { field: dotted(path), found }, path });
      }
      for (const { found, loc } of bodyPlaceholders(entry.body)) {
        report({ entry, messageId: 'body', data: { found }, loc });
      }
    }
  },
});
