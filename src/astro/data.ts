/**
 * How pages get the site data. `npm run build` parses and lints the playbook once, then hands the
 * result over through `globalThis` before Astro renders (the page bundle has its own copies of the
 * modules, so a module variable would not be shared). Under `astro dev` nothing was handed over,
 * and the pages load the playbook themselves: again after the dev integration (src/astro/dev.ts) saw
 * a content file change, and at most once a second otherwise.
 */
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import type { SiteData } from '../core/views/site.ts';
import { type PageFiles, pageFiles } from './page-files.ts';

const KEY = Symbol.for('playbook.site');
type Holder = { [KEY]?: SiteData | Promise<SiteData> };

/** Called by the build (src/astro/build.ts) before Astro renders. */
export function provideSite(data: SiteData): void {
  (globalThis as Holder)[KEY] = data;
}

/** Whether a build handed the data over (then pages must not load anything themselves). */
export function siteProvided(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}

// The dev integration's module copy and the pages' copy share the change counter through `globalThis`.
const CHANGES = Symbol.for('playbook.dev.changes');
type Changes = { [CHANGES]?: number };
const changes = () => (globalThis as Changes)[CHANGES] ?? 0;

/** Under `astro dev`: a content file changed, so the next request loads the playbook again. */
export function contentChanged(): void {
  (globalThis as Changes)[CHANGES] = changes() + 1;
}

interface DevSite {
  data: SiteData;
  diagnostics: Diagnostic[];
  /** The content folder and the working directory the diagnostics' paths are relative to. */
  dir: string;
  cwd: string;
}

let devCache: { at: number; changes: number; site: Promise<DevSite> } | undefined;

function devSite(): Promise<DevSite> {
  if (!devCache || devCache.changes !== changes() || Date.now() - devCache.at > 1000) {
    devCache = { at: Date.now(), changes: changes(), site: loadSite() };
  }
  return devCache.site;
}

export async function getSite(): Promise<SiteData> {
  const provided = (globalThis as Holder)[KEY];
  if (provided) return provided;
  return (await devSite()).data;
}

/**
 * Under `astro dev`: the lint findings on the content files behind a page address (an ICP, persona or
 * guide page: its file; the glossary: every term), in file and line order. Empty in a build.
 */
export async function devFindings(pathname: string): Promise<Diagnostic[]> {
  if (siteProvided()) return [];
  const files = pageFiles(pathname);
  if (!files) return [];
  const { diagnostics, dir, cwd } = await devSite();
  const matches = (d: Diagnostic) => inPage(files, relative(dir, resolve(cwd, d.file)).split(sep).join('/'));
  return diagnostics
    .filter(matches)
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function inPage(files: PageFiles, path: string): boolean {
  return 'file' in files ? path === files.file : path.startsWith(files.folder);
}

async function loadSite(): Promise<DevSite> {
  const { resolveToday } = await import('../loader/cli.ts');
  const { runPipeline } = await import('../loader/pipeline.ts');
  const { createSiteData } = await import('../core/views/site.ts');
  const today = resolveToday(undefined);
  const { graph, diagnostics, playbook } = await runPipeline({ today });
  const data = createSiteData({ graph, config: playbook.config, today, diagnostics });
  return { data, diagnostics, dir: playbook.dir, cwd: process.cwd() };
}
