import { ID_PATTERN } from '../../../schema/index.ts';
import type { Entry } from '../../parse/entry.ts';
import { TYPE_WORDS } from '../../words.ts';
import { kebabId } from '../kebab-id.ts';
import { defineRule } from '../rule.ts';

const NO_SLUG = 'a lowercase kebab-case name such as "analytics-alex.mdx"';

export const rule = defineRule({
  id: 'invalid-id',
  severity: 'error',
  description:
    'A file name that is not a lowercase kebab-case id, or two files of one type whose ids differ only in ' +
    'letter case.',
  docs:
    "A file's id is its name without `.mdx`; it appears in URLs (`/personas/<id>/`), in references " +
    '(`icps: [<id>]`, `[[persona:<id>]]`) and in CODEOWNERS. Ids are lowercase kebab-case (`a-z`, `0-9`, ' +
    'single hyphens: `analytics-alex`). Two files of the same type whose names differ only in case ' +
    '(`Foo.mdx`, `foo.mdx`) are one file on macOS and Windows, so a checkout there silently loses one of ' +
    'them. Rename the file, and update the references to it.',
  messages: {
    notKebab:
      'The file name "{{file}}" is not a valid id: ids are lowercase kebab-case (a-z, 0-9 and single ' +
      'hyphens).',
    caseClash: '{{label}} id "{{id}}" differs from {{others}} only in letter case.',
  },
  hints: {
    notKebab: 'Rename the file to {{suggestion}} and update every reference to it.',
    caseClash:
      'Rename or merge the files so each {{type}} has its own lowercase id: on macOS and Windows these ' +
      'names are one file.',
  },
  check({ graph, report }) {
    const byLowerId = new Map<string, Entry[]>();
    for (const entry of graph.entries) {
      const folderEnd = entry.path.lastIndexOf('/') + 1;
      if (!ID_PATTERN.test(entry.id)) {
        const slug = kebabId(entry.id);
        const suggestion = slug ? `"${entry.path.slice(0, folderEnd)}${slug}.mdx"` : NO_SLUG;
        report({ entry, messageId: 'notKebab', data: { file: entry.path.slice(folderEnd), suggestion } });
      }
      const key = `${entry.type}:${entry.id.toLowerCase()}`;
      const group = byLowerId.get(key) ?? [];
      group.push(entry);
      byLowerId.set(key, group);
    }
    for (const group of byLowerId.values()) {
      if (group.length < 2) continue;
      for (const entry of group) {
        const others = group
          .filter((e) => e !== entry)
          .map((e) => `"${e.id}" (${e.path})`)
          .join(', ');
        const type = TYPE_WORDS[entry.type].one;
        const label = type[0]!.toUpperCase() + type.slice(1);
        report({ entry, messageId: 'caseClash', data: { label, id: entry.id, others, type } });
      }
    }
  },
});
