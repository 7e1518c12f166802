/**
 * The site's addresses: the one route table (DESIGN §5), the main navigation, the address of each
 * entry, and how a link's address is split and matched against the routes.
 */
import type { Config, EntryType } from '../schema/index.ts';
import { joinList } from './words.ts';

/** A page, or a family of entry pages, that the site emits. */
export interface Route {
  /** The address, with the trailing slash the site uses (§8.16); `<…>` stands for an entry id. */
  path: string;
  /** The file under src/pages that builds it: "icps/[id].astro". */
  page: string;
  /** The content type whose ids fill the `<…>` placeholder. */
  type?: EntryType;
  /** The label of its link in the main navigation, for the routes the header links to. */
  nav?: string;
  /** Named in the hint of a link that leads nowhere, as a page a link may point at. */
  linkable?: boolean;
}

/** Every route the site emits, in the order of DESIGN §5; an entry route's key is its content type. */
export const ROUTES = {
  home: { path: '/', page: 'index.astro', linkable: true },
  icps: { path: '/icps/', page: 'icps/index.astro', nav: 'ICPs' },
  icp: { path: '/icps/<id>/', page: 'icps/[id].astro', type: 'icp', linkable: true },
  personas: { path: '/personas/', page: 'personas/index.astro', nav: 'Personas' },
  persona: { path: '/personas/<id>/', page: 'personas/[id].astro', type: 'persona', linkable: true },
  glossary: { path: '/glossary/', page: 'glossary/index.astro', nav: 'Glossary' },
  term: { path: '/glossary/#<term id>', page: 'glossary/index.astro', type: 'term', linkable: true },
  guides: { path: '/guides/', page: 'guides/index.astro', nav: 'Guides', linkable: true },
  guide: { path: '/guides/<id>/', page: 'guides/[id].astro', type: 'guide', linkable: true },
  matrix: { path: '/matrix/', page: 'matrix.astro', nav: 'Matrix', linkable: true },
  health: { path: '/health/', page: 'health.astro', nav: 'Health', linkable: true },
  fit: { path: '/fit/', page: 'fit/index.astro', nav: 'Fit check', linkable: true },
  notFound: { path: '/404', page: '404.astro' },
} as const satisfies Record<string, Route>;

/** The routes as a list, in table order. */
export const ALL_ROUTES: readonly Route[] = Object.values(ROUTES);

/** The main navigation, in the order the header shows it. */
export const NAV: readonly { href: string; label: string }[] = (
  ['icps', 'personas', 'matrix', 'fit', 'glossary', 'guides', 'health'] as const
).map((key) => ({ href: ROUTES[key].path, label: ROUTES[key].nav }));

/** The pages a link may point at, as a hint names them: "/, /icps/<id>/, … or /fit/". */
export const LINKABLE_ROUTES = joinList(
  ALL_ROUTES.filter((r) => r.linkable).map((r) => r.path),
  'or',
);

const PLACEHOLDER = /<[^>]+>/;

/** The address of an entry, with the trailing slash the site uses everywhere (§8.16). */
export function urlOf(type: EntryType, id: string): string {
  return ROUTES[type].path.replace(PLACEHOLDER, () => id);
}

const segments = (s: string) =>
  s
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .map(encodeURIComponent);

/**
 * "Edit this page" link (§8.19): `<repo_url>/edit/<branch>/<content_path>/<path>`, or undefined when
 * no `repo_url` is configured. `path` is relative to the content folder (`personas/x.mdx`).
 */
export function editUrl(
  config: Pick<Config, 'repo_url' | 'repo_branch' | 'content_path'>,
  path: string,
): string | undefined {
  if (!config.repo_url) return undefined;
  const tail = [...segments(config.repo_branch), ...segments(config.content_path), ...segments(path)];
  return `${config.repo_url.replace(/\/+$/, '')}/edit/${tail.join('/')}`;
}

// ---------------------------------------------------------------------------------------------
// Matching a link's address against the routes

/** A route's path before any `#`, as segments: "/icps/<id>/" → ["icps", "<id>"]. */
const pathSegments = (route: Route) => route.path.split('#')[0]!.split('/').filter(Boolean);
const folderOf = (route: Route) => pathSegments(route)[0] ?? '';

/** Whether the route's entries are anchors on one page (`/glossary/#<term id>`) rather than pages. */
export function isAnchor(route: Route): boolean {
  return route.path.includes('#');
}

/** Pages without an id, by folder ("" for the home page). */
const PAGES = new Map(ALL_ROUTES.filter((r) => !r.type).map((r) => [folderOf(r), r]));
/** Entry routes whose id is the second path segment, by folder. */
const ENTRY_PAGES = new Map(ALL_ROUTES.filter((r) => r.type && !isAnchor(r)).map((r) => [folderOf(r), r]));
/** Entry routes whose id is an anchor on a page, by that page's folder. */
const ANCHORS = new Map(ALL_ROUTES.filter((r) => r.type && isAnchor(r)).map((r) => [folderOf(r), r]));

/** The first segments a site address can start with: "icps", "glossary", "404"… */
export const ROUTE_FOLDERS: readonly string[] = [...new Set(ALL_ROUTES.map(folderOf))].filter(Boolean);

/** What a site address points at, before anyone checks that the entry exists. */
export interface RouteMatch {
  route: Route;
  /** The entry id, for entry routes: a path segment, or the fragment of an anchor route. */
  id?: string;
  /** The id of an anchor route stands where a page's would: "/glossary/tam/" for "/glossary/#tam". */
  misplaced?: boolean;
}

/**
 * Matches a site address, given as segments without `.`, `..` or `index.html`, and its fragment.
 * Undefined when no route has that shape.
 */
export function matchRoute(path: readonly string[], fragment?: string): RouteMatch | undefined {
  const [folder = '', id, ...rest] = path;
  const anchor = ANCHORS.get(folder);
  if (id === undefined) {
    const page = PAGES.get(folder);
    if (!page) return undefined;
    return anchor && fragment ? { route: anchor, id: fragment } : { route: page };
  }
  if (rest.length > 0) return undefined;
  const entry = ENTRY_PAGES.get(folder);
  if (entry) return { route: entry, id };
  return anchor ? { route: anchor, id, misplaced: true } : undefined;
}

/** The address of an entry's page as segments: ["icps", "x"]; a term's is its glossary page's. */
export function pageSegments(type: EntryType, id: string): string[] {
  return pathSegments(ROUTES[type]).map((s) => (PLACEHOLDER.test(s) ? id : s));
}

/** Drops a final `index.html`, the file name a server gives a folder's page. */
export function withoutIndexFile(path: readonly string[]): string[] {
  return path[path.length - 1] === 'index.html' ? path.slice(0, -1) : [...path];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Splits a link's address `a/b?x#y` into its decoded path and fragment (the query is ignored). */
export function splitUrl(url: string): { path: string; fragment?: string } {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? undefined : safeDecode(url.slice(hash + 1));
  let path = hash === -1 ? url : url.slice(0, hash);
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  return { path: safeDecode(path), fragment };
}

/** Resolves `.`, `..` and empty segments; undefined when the path climbs above its root. */
export function resolveSegments(path: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const s of path) {
    if (s === '.' || s === '') continue;
    if (s === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(s);
  }
  return out;
}
