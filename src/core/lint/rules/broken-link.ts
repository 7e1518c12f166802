import { type BrokenLink, checkLink } from '../../graph/links.ts';
import { LINKABLE_ROUTES, ROUTES } from '../../routes.ts';
import { defineRule } from '../rule.ts';

/** The hint: a nearby address that exists, else where links of this kind may point. */
function suggestion({ kind, better }: BrokenLink): string {
  if (better) return `Did you mean "${better}"?`;
  const { persona, term } = ROUTES;
  if (kind === 'file') return `Check the file name, or link to the page instead, e.g. ${persona.path}.`;
  if (kind === 'term') return `Link to an existing term as ${term.path}, or add the term under glossary/.`;
  return `Link to an existing page: ${LINKABLE_ROUTES}.`;
}

export const rule = defineRule({
  id: 'broken-link',
  severity: 'error',
  description: 'A link in a body to a playbook page or content file that does not exist.',
  docs: 'Links inside the playbook point either at a site route (`/icps/<id>/`, `/personas/<id>/`, `/glossary/#<term id>`, `/guides/<id>/`, `/matrix/`, `/health/`, `/fit/`, `/`) or at another content file by its relative path (`../personas/cfo-henrik.mdx`). When the target is renamed or removed, readers land on the "not found" page. The rule checks both kinds (a missing trailing slash, a `?query` or a `#section` is fine); web addresses (`https:`, `mailto:`, `tel:`), `#section` links within the page and static files such as `/images/logo.png` are not checked. Prefer `[[persona:id]]` cross-links: they follow the target\'s name and are checked by `unknown-reference`.',
  messages: {
    page: 'The link "{{url}}" points at {{what}}, which does not exist, so readers would land on the "not found" page.',
    term: 'The link "{{url}}" points at the glossary term "{{id}}", which does not exist.',
    file: 'The link "{{url}}" points at the file "{{path}}", which is not in the content folder.',
    outside: 'The link "{{url}}" climbs out of the content folder, so it cannot reach a playbook page.',
    empty: 'A link has no address, so it leads nowhere.',
  },
  hints: {
    page: '{{suggestion}}',
    term: '{{suggestion}}',
    file: '{{suggestion}}',
    outside:
      'Link to a content file by its path from this file, e.g. ../personas/<id>.mdx, or to a page such as /personas/<id>/.',
    empty:
      'Put the address between the parentheses, e.g. [Pricing guide](/guides/pricing/), or remove the link.',
  },
  check({ graph, report }) {
    const paths = new Set(graph.entries.map((e) => e.path));
    for (const entry of graph.entries) {
      for (const link of entry.body.links) {
        const url = link.url.trim();
        const loc = { line: link.line, column: link.column };
        if (url === '') {
          report({ entry, messageId: 'empty', loc });
          continue;
        }
        const broken = checkLink(graph, entry, url, paths);
        if (!broken) continue;
        const data = { ...broken.data, suggestion: suggestion(broken) };
        report({ entry, messageId: broken.kind, data, loc });
      }
    }
  },
});
