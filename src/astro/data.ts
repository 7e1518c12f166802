/**
 * How pages get the site data. `npm run build` parses and lints the playbook once, then hands the
 * result over through `globalThis` before Astro renders (the page bundle has its own copies of the
 * modules, so a module variable would not be shared). Under `astro dev` nothing was handed over,
 * and the pages load the playbook themselves.
 */
import type { SiteData } from '../core/views/site.ts';

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

let devCache: { at: number; data: Promise<SiteData> } | undefined;

export async function getSite(): Promise<SiteData> {
  const provided = (globalThis as Holder)[KEY];
  if (provided) return provided;
  // `astro dev`: reload at most once a second so edits show up on the next request.
  if (!devCache || Date.now() - devCache.at > 1000) devCache = { at: Date.now(), data: loadSite() };
  return devCache.data;
}

async function loadSite(): Promise<SiteData> {
  const { resolveToday } = await import('../loader/cli.ts');
  const { runPipeline } = await import('../loader/pipeline.ts');
  const { createSiteData } = await import('../core/views/site.ts');
  const today = resolveToday(undefined);
  const { graph, diagnostics, playbook } = await runPipeline({ today });
  return createSiteData({ graph, config: playbook.config, today, diagnostics });
}
