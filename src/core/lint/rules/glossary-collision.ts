import type { TermEntry } from '../../parse/entry.ts';
import { defineRule } from '../rule.ts';

interface Name {
  term: TermEntry;
  value: string;
  path: (string | number)[];
  /** How the name is used: "term", "abbreviation", "alias". */
  kind: string;
}

export const rule = defineRule({
  id: 'glossary-collision',
  severity: 'error',
  description: 'Two glossary terms share a term, abbreviation or alias (case-insensitively).',
  docs:
    'Glossary words in text are linked to their definition automatically, by `term`, `abbr` and `aliases`. ' +
    "When two terms claim the same word (compared case-insensitively, a term against another term's alias " +
    'too), nobody can tell which definition a mention means. Every file involved is reported at the ' +
    'colliding key. Keep the word on one term: remove it from the other, or merge the two entries.',
  messages: { collision: 'The {{kind}} "{{value}}" of glossary term "{{id}}" is also used by {{others}}.' },
  hints: {
    collision:
      'Each term, abbreviation and alias may belong to one glossary entry only: remove "{{value}}" from ' +
      'one of them, or merge the entries.',
  },
  check({ graph, report }) {
    const byName = new Map<string, Name[]>();
    const add = (name: Name) => {
      const key = name.value.trim().toLowerCase();
      const list = byName.get(key) ?? [];
      list.push(name);
      byName.set(key, list);
    };
    for (const term of graph.terms.values()) {
      add({ term, value: term.data.term, path: ['term'], kind: 'term' });
      if (term.data.abbr !== undefined)
        add({ term, value: term.data.abbr, path: ['abbr'], kind: 'abbreviation' });
      for (const [index, alias] of (term.data.aliases ?? []).entries()) {
        add({ term, value: alias, path: ['aliases', index], kind: 'alias' });
      }
    }
    for (const names of byName.values()) {
      if (new Set(names.map((n) => n.term)).size < 2) continue;
      for (const name of names) {
        const others = names
          .filter((n) => n.term !== name.term)
          .map((n) => `"${n.term.id}" (as its ${n.kind})`);
        report({
          entry: name.term,
          messageId: 'collision',
          data: { kind: name.kind, value: name.value, id: name.term.id, others: others.join(', ') },
          path: name.path,
        });
      }
    }
  },
});
