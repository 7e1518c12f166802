/**
 * What a built page loads before search is opened: its HTML, the stylesheets, scripts and module
 * preloads it references, and the modules those scripts import statically. Dynamic `import()` and
 * files fetched on demand (the search UI) are not counted. Sizes are uncompressed bytes on disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  /** External scripts plus inline `<script>` bodies. */
  js: number;
  total: number;
  files: { path: string; bytes: number }[];
}

const ATTRS = /<(link|script)\b([^>]*)>/gi;
const attr = (attrs: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined);
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const CSS_IMPORT = /@import\s+(?:url\()?["']?([^"')\s]+)/g;
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

export function pageWeight(dist: string, page: string): PageWeight {
  const htmlFile = join(dist, page);
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Map<string, number>();
  let css = 0;
  let jsFiles = 0;
  let jsInline = 0;
  const add = (url: string, from: string, kind: 'css' | 'js') => {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return;
    const bare = url.split(/[?#]/)[0]!;
    const path = url.startsWith('/') ? posix.normalize(bare) : posix.join(posix.dirname(from), bare);
    if (files.has(path)) return;
    const file = join(dist, path);
    if (!existsSync(file)) return;
    const bytes = statSync(file).size;
    files.set(path, bytes);
    if (kind === 'css') {
      css += bytes;
      for (const m of readFileSync(file, 'utf8').matchAll(CSS_IMPORT)) add(m[1]!, path, 'css');
    } else {
      jsFiles += bytes;
      for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) add(m[1]!, path, 'js');
    }
  };
  const pagePath = `/${page.split(/[\\/]/).join('/')}`;
  for (const m of html.matchAll(ATTRS)) {
    const [, tag, attrs = ''] = m;
    if (tag!.toLowerCase() === 'link') {
      const rel = (attr(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(attrs, 'href');
      if (!href) continue;
      if (rel.includes('stylesheet')) add(href, pagePath, 'css');
      else if (rel.includes('modulepreload')) add(href, pagePath, 'js');
    } else {
      const src = attr(attrs, 'src');
      if (src) add(src, pagePath, 'js');
    }
  }
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const open = m[0].slice(0, m[0].indexOf('>'));
    if (/\bsrc\s*=/.test(open) || /type\s*=\s*["']?application\/(?:ld\+)?json/i.test(open)) continue;
    jsInline += Buffer.byteLength(m[1]!);
  }
  const htmlBytes = Buffer.byteLength(html);
  return {
    page: `/${dirname(page).split(/[\\/]/).join('/')}/`.replace(/\/\.\/$/, '/'),
    html: htmlBytes,
    css,
    js: jsFiles + jsInline,
    total: htmlBytes + css + jsFiles,
    files: [...files].map(([path, bytes]) => ({ path, bytes })),
  };
}

/** The pages the budgets name: the first persona page (by id) and the glossary. */
export function budgetPages(dist: string): { persona: PageWeight; glossary: PageWeight } {
  const personaIds = readdirSync(join(dist, 'personas'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (!personaIds[0]) throw new Error(`no persona page in ${dist}/personas`);
  return {
    persona: pageWeight(dist, join('personas', personaIds[0], 'index.html')),
    glossary: pageWeight(dist, join('glossary', 'index.html')),
  };
}
