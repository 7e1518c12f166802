import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { EntryType } from '../schema/index.ts';
import {
  ALL_ROUTES,
  LINKABLE_ROUTES,
  matchRoute,
  NAV,
  pageSegments,
  ROUTES,
  type Route,
  resolveSegments,
  splitUrl,
  urlOf,
  withoutIndexFile,
} from './routes.ts';

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));
/** Every file under src/pages, as a path relative to it: "icps/[id].astro". */
const pageFiles = readdirSync(PAGES_DIR, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => `${d.parentPath}/${d.name}`.slice(PAGES_DIR.length).replace(/^\/+/, ''))
  .sort();

/** The address Astro builds a page file at, in route notation: "icps/[id].astro" → "/icps/<id>/". */
function addressOf(file: string): string {
  const parts = file
    .replace(/\.astro$/, '')
    .split('/')
    .filter((p) => p !== 'index')
    .map((p) => (p === '[id]' ? '<id>' : p));
  return parts.join('/') === '404' ? '/404' : `/${parts.map((p) => `${p}/`).join('')}`;
}

/** A route's address without its anchor, placeholder as `<id>`: "/glossary/#<term id>" → "/glossary/". */
const pageAddress = (route: Route) => route.path.split('#')[0]!.replace(/<[^>]+>/, '<id>');

describe('addressOf', () => {
  test.each([
    ['index.astro', '/'],
    ['icps/index.astro', '/icps/'],
    ['icps/[id].astro', '/icps/<id>/'],
    ['health.astro', '/health/'],
    ['fit/index.astro', '/fit/'],
    ['404.astro', '/404'],
  ])('maps %s to %s', (file, address) => {
    expect(addressOf(file)).toBe(address);
  });
});

describe('the route table matches src/pages', () => {
  test('there are page files', () => {
    expect(pageFiles.length).toBeGreaterThan(0);
  });

  test.each(pageFiles)('the page file %s has a route at its address', (file) => {
    const routes = ALL_ROUTES.filter((r) => r.page === file);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(pageAddress(route)).toBe(addressOf(file));
  });

  test.each(ALL_ROUTES.map((r) => [r.path, r] as const))('the route %s has its page file', (_, route) => {
    expect(pageFiles).toContain(route.page);
    expect(addressOf(route.page)).toBe(pageAddress(route));
  });
});

describe('NAV', () => {
  test('lists the header links in order', () => {
    expect(NAV.map((n) => `${n.label} ${n.href}`)).toEqual([
      'ICPs /icps/',
      'Personas /personas/',
      'Matrix /matrix/',
      'Fit check /fit/',
      'Glossary /glossary/',
      'Guides /guides/',
      'Health /health/',
    ]);
  });

  test('holds every route with a nav label, once', () => {
    const labelled = ALL_ROUTES.filter((r) => r.nav).map((r) => r.path);
    expect(NAV.map((n) => n.href).sort()).toEqual(labelled.sort());
  });
});

describe('urlOf', () => {
  test.each<[EntryType, string, string]>([
    ['icp', 'midmarket-saas', '/icps/midmarket-saas/'],
    ['persona', 'cfo-henrik', '/personas/cfo-henrik/'],
    ['term', 'tam', '/glossary/#tam'],
    ['guide', 'pricing', '/guides/pricing/'],
    ['guide', 'a$&b', '/guides/a$&b/'],
  ])('the %s "%s" is at %s', (type, id, url) => {
    expect(urlOf(type, id)).toBe(url);
  });
});

describe('pageSegments', () => {
  test.each<[EntryType, string, string[]]>([
    ['icp', 'x', ['icps', 'x']],
    ['persona', 'x', ['personas', 'x']],
    ['guide', 'a#b', ['guides', 'a#b']],
    ['term', 'tam', ['glossary']],
  ])('the %s "%s" has its page at %j', (type, id, segments) => {
    expect(pageSegments(type, id)).toEqual(segments);
  });
});

test('LINKABLE_ROUTES names the pages a link may point at', () => {
  expect(LINKABLE_ROUTES).toBe(
    '/, /icps/<id>/, /personas/<id>/, /glossary/#<term id>, /guides/, /guides/<id>/, ' +
      '/matrix/, /health/ or /fit/',
  );
});

describe('matchRoute', () => {
  test.each<{ path: string[]; fragment?: string; route?: Route; id?: string; misplaced?: boolean }>([
    { path: [], route: ROUTES.home },
    { path: ['icps'], route: ROUTES.icps },
    { path: ['icps', 'x'], route: ROUTES.icp, id: 'x' },
    { path: ['personas', 'x'], fragment: 'goals', route: ROUTES.persona, id: 'x' },
    { path: ['glossary'], route: ROUTES.glossary },
    { path: ['glossary'], fragment: '', route: ROUTES.glossary },
    { path: ['glossary'], fragment: 'tam', route: ROUTES.term, id: 'tam' },
    { path: ['glossary', 'tam'], route: ROUTES.term, id: 'tam', misplaced: true },
    { path: ['matrix'], fragment: 'top', route: ROUTES.matrix },
    { path: ['404'], route: ROUTES.notFound },
    { path: ['icps', 'x', 'y'] },
    { path: ['matrix', 'x'] },
    { path: ['dashboard'] },
  ])('matches /$path #$fragment', ({ path, fragment, route, id, misplaced }) => {
    const match = matchRoute(path, fragment);
    if (!route) return expect(match).toBeUndefined();
    expect(match).toEqual({ route, ...(id !== undefined && { id }), ...(misplaced && { misplaced }) });
  });
});

describe('splitUrl', () => {
  test.each([
    { url: '/icps/x/', path: '/icps/x/', fragment: undefined },
    { url: '/glossary/#tam', path: '/glossary/', fragment: 'tam' },
    { url: '/personas/x?tab=pains#goals', path: '/personas/x', fragment: 'goals' },
    { url: '?only=query', path: '', fragment: undefined },
    { url: '/guides/caf%C3%A9/#%E2%9C%93', path: '/guides/café/', fragment: '✓' },
    { url: '/guides/%E0%A4%A/', path: '/guides/%E0%A4%A/', fragment: undefined },
  ])('splits $url', ({ url, path, fragment }) => {
    expect(splitUrl(url)).toEqual({ path, fragment });
  });
});

describe('resolveSegments and withoutIndexFile', () => {
  test.each([
    { path: ['guides', 'start', '..', 'pricing', ''], expected: ['guides', 'pricing'] },
    { path: ['.', 'a', '.', 'b'], expected: ['a', 'b'] },
    { path: ['a', '..', '..', 'b'], expected: undefined },
  ])('resolves $path', ({ path, expected }) => {
    expect(resolveSegments(path)).toEqual(expected);
  });

  test.each([
    { path: ['icps', 'x', 'index.html'], expected: ['icps', 'x'] },
    { path: ['icps', 'x'], expected: ['icps', 'x'] },
    { path: [], expected: [] },
  ])('drops index.html from $path', ({ path, expected }) => {
    expect(withoutIndexFile(path)).toEqual(expected);
  });
});
