/**
 * Where a link in a body leads, checked against the content graph: a site address whose page or
 * entry must exist (routes.ts knows the addresses), or another content file by its relative path.
 * Web addresses, links within the page and static files are not checked.
 */

import type { EntryType } from '../../schema/index.ts';
import type { Entry } from '../parse/entry.ts';
import {
  isAnchor,
  matchRoute,
  pageSegments,
  ROUTE_FOLDERS,
  type RouteMatch,
  resolveSegments,
  splitUrl,
  urlOf,
  withoutIndexFile,
} from '../routes.ts';
import { TYPE_WORDS } from '../words.ts';
import type { Graph } from './graph.ts';
import { nearest } from './suggest.ts';

/** Why a link leads nowhere, with the data its message needs and a nearby address that exists. */
export interface BrokenLink {
  /** A missing page or entry, a missing glossary term, a missing file, or a path out of the content. */
  kind: 'page' | 'term' | 'file' | 'outside';
  data: Record<string, string>;
  better?: string;
}

/** Any scheme (`https:`, `mailto:`, `javascript:`…) or a protocol-relative `//host`: not ours. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A file-like last segment (`logo.png`): a static asset, not a page. */
const HAS_EXTENSION = /\.[a-z0-9]+$/i;
const CONTENT_FILE = /\.mdx?$/i;

/** The link being checked: its address as written, its fragment, and what it may point at. */
interface Context {
  graph: Graph;
  /** Every content file's path, relative to the content folder. */
  paths: ReadonlySet<string>;
  url: string;
  fragment?: string;
}

/**
 * Checks one link of `entry` (its address trimmed and not empty); `paths` holds every content
 * file's path. Undefined when the link leads somewhere or is not the playbook's to check.
 */
export function checkLink(
  graph: Graph,
  entry: Entry,
  url: string,
  paths: ReadonlySet<string>,
): BrokenLink | undefined {
  if (EXTERNAL.test(url) || url.startsWith('#')) return undefined;
  const { path, fragment } = splitUrl(url);
  const ctx: Context = { graph, paths, url, fragment };
  if (path.startsWith('/')) return checkRoute(ctx, path.split('/').filter(Boolean));
  if (CONTENT_FILE.test(path)) return checkFile(ctx, entry, path);
  // `?query` alone, or a relative static file.
  if (path === '' || HAS_EXTENSION.test(path.split('/').pop() ?? '')) return undefined;
  // A relative address, resolved against this entry's page the way a browser does.
  const segments = resolveSegments([...pageSegments(entry.type, entry.id), ...path.split('/')]);
  return segments ? checkRoute(ctx, segments) : { kind: 'outside', data: { url } };
}

const withFragment = (fragment: string | undefined) => (fragment ? `#${fragment}` : '');

/** Checks a site address given as segments (trailing slash and `index.html` tolerated). */
function checkRoute(ctx: Context, path: string[]): BrokenLink | undefined {
  const { graph, url, fragment } = ctx;
  const segments = withoutIndexFile(path);
  const match = matchRoute(segments, fragment);
  const type = match?.route.type;
  if (match && !type) return undefined;
  if (match && type && !match.misplaced) return checkEntry(ctx, match, type);
  const what = `the page "/${segments.join('/')}${segments.length ? '/' : ''}"`;
  // A term addressed as a page of its own (/glossary/tam/): point at its anchor.
  if (match && type && graph.all[type].has(match.id!)) {
    return { kind: 'page', data: { url, what }, better: urlOf(type, match.id!) };
  }
  const [first = '', ...rest] = segments;
  // An unknown top-level folder with a file name is a static asset (e.g. /images/logo.png).
  const last = segments[segments.length - 1] ?? '';
  if (!ROUTE_FOLDERS.includes(first) && HAS_EXTENSION.test(last)) return undefined;
  const nearFirst = nearest(first, ROUTE_FOLDERS);
  let better: string | undefined;
  if (nearFirst && nearFirst !== first) {
    const fixed = checkRoute(ctx, [nearFirst, ...rest]);
    better = fixed ? fixed.better : `/${[nearFirst, ...rest].join('/')}/${withFragment(fragment)}`;
  }
  return { kind: 'page', data: { url, what }, better };
}

/** Checks an entry's page (`/icps/x/`; `/icps/x.mdx` is near it) or anchor (`/glossary/#x`). */
function checkEntry(ctx: Context, match: RouteMatch, type: EntryType): BrokenLink | undefined {
  const { graph, url, fragment } = ctx;
  const id = match.id!;
  const known = graph.all[type];
  if (isAnchor(match.route)) {
    if (known.has(id)) return undefined;
    const near = nearest(id, known.keys());
    return { kind: 'term', data: { url, id }, better: near && replaceLast(url, id, near) };
  }
  const bare = id.replace(CONTENT_FILE, '');
  if (bare === id && known.has(id)) return undefined;
  const near = known.has(bare) ? bare : nearest(bare, known.keys());
  const better = near && urlOf(type, near) + withFragment(fragment);
  return { kind: 'page', data: { url, what: `the ${TYPE_WORDS[type].one} "${id}"` }, better };
}

function replaceLast(url: string, wrong: string, right: string): string {
  const i = url.lastIndexOf(wrong);
  return i === -1 ? right : url.slice(0, i) + right + url.slice(i + wrong.length);
}

/** Checks a relative link to a content file (`../personas/x.mdx`, `./other-guide.mdx`). */
function checkFile({ paths, url }: Context, entry: Entry, path: string): BrokenLink | undefined {
  const folder = entry.path.split('/').slice(0, -1);
  const resolved = resolveSegments([...folder, ...path.split('/')]);
  if (!resolved) return { kind: 'outside', data: { url } };
  const target = resolved.join('/');
  if (paths.has(target)) return undefined;
  const dir = resolved.slice(0, -1).join('/');
  const name = resolved[resolved.length - 1] ?? '';
  const siblings = [...paths]
    .filter((p) => p.slice(0, p.lastIndexOf('/')) === dir)
    .map((p) => p.slice(p.lastIndexOf('/') + 1));
  const near = nearest(name, siblings);
  return { kind: 'file', data: { url, path: target }, better: near && replaceLast(url, name, near) };
}
