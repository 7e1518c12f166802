import { TYPE_FOLDERS, type EntryType } from '../../../schema/index.ts';
import type { Entry } from '../../parse/entry.ts';
import type { Graph } from '../../graph/graph.ts';
import { defineRule } from '../rule.ts';
import { nearest } from '../../graph/suggest.ts';

/** Site routes without an id (§5), as path segments. */
const FIXED_ROUTES = ['', 'icps', 'personas', 'guides', 'glossary', 'matrix', 'health', 'fit', '404'];
/** Route folders whose second segment is an entry id. */
const ID_ROUTES: Record<string, EntryType> = { icps: 'icp', personas: 'persona', guides: 'guide' };
const FIRST_SEGMENTS = [...new Set([...FIXED_ROUTES.filter(Boolean), ...Object.keys(ID_ROUTES)])];

const ROUTE_LIST = '/, /icps/<id>/, /personas/<id>/, /glossary/#<term id>, /guides/, /guides/<id>/, /matrix/, /health/ or /fit/';

/** Any scheme (`https:`, `mailto:`, `javascript:`…) or a protocol-relative `//host`: not a playbook link. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** A file-like last segment (`logo.png`): a static asset, not a page. */
const HAS_EXTENSION = /\.[a-z0-9]+$/i;
const CONTENT_FILE = /\.mdx?$/i;

interface Finding {
  messageId: 'page' | 'term' | 'file' | 'outside';
  data: Record<string, string>;
  better?: string;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Splits `a/b?x#y` into path and fragment (the query is ignored). */
function splitUrl(url: string): { path: string; fragment?: string } {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? undefined : safeDecode(url.slice(hash + 1));
  let path = hash === -1 ? url : url.slice(0, hash);
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  return { path: safeDecode(path), fragment };
}

/** Resolves `.` and `..` segments; undefined when the path climbs above its root. */
function normalize(segments: string[]): string[] | undefined {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '.' || s === '') continue;
    if (s === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(s);
  }
  return out;
}

/** The site route of an entry's page, as segments (terms live on the glossary page). */
function routeOf(entry: Entry): string[] {
  if (entry.type === 'term') return ['glossary'];
  return [TYPE_FOLDERS[entry.type], entry.id];
}

const LABELS: Record<EntryType, string> = { icp: 'ICP', persona: 'persona', guide: 'guide', term: 'glossary term' };

/** Checks a site path given as segments (trailing slash and `index.html` tolerated). */
function checkRoute(graph: Graph, segments: string[], fragment: string | undefined, url: string): Finding | undefined {
  if (segments[segments.length - 1] === 'index.html') segments = segments.slice(0, -1);
  const [first = '', second, ...rest] = segments;
  if (segments.length <= 1 && FIXED_ROUTES.includes(first)) {
    if (first !== 'glossary' || !fragment) return undefined;
    if (graph.all.term.has(fragment)) return undefined;
    const near = nearest(fragment, graph.all.term.keys());
    return { messageId: 'term', data: { url, id: fragment }, better: near && replaceLast(url, fragment, near) };
  }
  const type = ID_ROUTES[first];
  if (type && second !== undefined && rest.length === 0) {
    const id = second.replace(CONTENT_FILE, '');
    if (id === second && graph.all[type].has(id)) return undefined;
    const near = graph.all[type].has(id) ? id : nearest(id, graph.all[type].keys());
    return {
      messageId: 'page',
      data: { url, what: `the ${LABELS[type]} "${second}"` },
      better: near && `/${first}/${near}/${fragment ? `#${fragment}` : ''}`,
    };
  }
  if (first === 'glossary' && second !== undefined && rest.length === 0 && graph.all.term.has(second)) {
    return { messageId: 'page', data: { url, what: `the page "/${segments.join('/')}/"` }, better: `/glossary/#${second}` };
  }
  // An unknown top-level folder with a file name is a static asset (e.g. /images/logo.png).
  if (!FIRST_SEGMENTS.includes(first) && HAS_EXTENSION.test(segments[segments.length - 1] ?? '')) return undefined;
  const nearFirst = nearest(first, FIRST_SEGMENTS);
  let better: string | undefined;
  if (nearFirst && nearFirst !== first) {
    const fixed = checkRoute(graph, [nearFirst, ...segments.slice(1)], fragment, url);
    if (!fixed) better = `/${[nearFirst, ...segments.slice(1)].join('/')}/${fragment ? `#${fragment}` : ''}`;
    else if (fixed.better) better = fixed.better;
  }
  return { messageId: 'page', data: { url, what: `the page "/${segments.join('/')}${segments.length ? '/' : ''}"` }, better };
}

function replaceLast(url: string, wrong: string, right: string): string {
  const i = url.lastIndexOf(wrong);
  return i === -1 ? right : url.slice(0, i) + right + url.slice(i + wrong.length);
}

/** Checks a relative link to a content file (`../personas/x.mdx`, `./other-guide.mdx`). */
function checkFile(graph: Graph, entry: Entry, path: string, url: string, paths: Set<string>): Finding | undefined {
  const folder = entry.path.split('/').slice(0, -1);
  const resolved = normalize([...folder, ...path.split('/')]);
  if (!resolved) return { messageId: 'outside', data: { url } };
  const target = resolved.join('/');
  if (paths.has(target)) return undefined;
  const dir = resolved.slice(0, -1).join('/');
  const name = resolved[resolved.length - 1] ?? '';
  const siblings = [...paths].filter((p) => p.slice(0, p.lastIndexOf('/')) === dir).map((p) => p.slice(p.lastIndexOf('/') + 1));
  const near = nearest(name, siblings);
  return { messageId: 'file', data: { url, path: target }, better: near && replaceLast(url, name, near) };
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
    outside: 'Link to a content file by its path from this file, e.g. ../personas/<id>.mdx, or to a page such as /personas/<id>/.',
    empty: 'Put the address between the parentheses, e.g. [Pricing guide](/guides/pricing/), or remove the link.',
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
        if (EXTERNAL.test(url) || url.startsWith('#')) continue;
        const { path, fragment } = splitUrl(url);
        let finding: Finding | undefined;
        if (path.startsWith('/')) {
          finding = checkRoute(graph, path.split('/').filter(Boolean), fragment, url);
        } else if (CONTENT_FILE.test(path)) {
          finding = checkFile(graph, entry, path, url, paths);
        } else if (path === '' || HAS_EXTENSION.test(path.split('/').pop() ?? '')) {
          // `?query` alone, or a relative static file.
          continue;
        } else {
          // A relative route, resolved against this page's address the way a browser does.
          const base = routeOf(entry);
          const segments = normalize([...base, ...path.split('/')]);
          finding = segments ? checkRoute(graph, segments, fragment, url) : { messageId: 'outside', data: { url } };
        }
        if (!finding) continue;
        const suggestion = finding.better
          ? `Did you mean "${finding.better}"?`
          : finding.messageId === 'file'
            ? 'Check the file name, or link to the page instead, e.g. /personas/<id>/.'
            : finding.messageId === 'term'
              ? 'Link to an existing term as /glossary/#<term id>, or add the term under glossary/.'
              : `Link to an existing page: ${ROUTE_LIST}.`;
        report({ entry, messageId: finding.messageId, data: { ...finding.data, suggestion }, loc });
      }
    }
  },
});
