/** Renders the site with Astro from data the pipeline computed once (handed over through data.ts). */
import { rm } from 'node:fs/promises';
import type { SiteData } from '../core/views/site.ts';
import { provideSite } from './data.ts';

export interface RenderOptions {
  /** The project root (where astro.config.mjs and src/pages live). */
  root: string;
  outDir: string;
  /** Astro's log level; `PLAYBOOK_ASTRO_LOG` in the build. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Replaces `outDir` with the rendered site. */
export async function renderSite(site: SiteData, options: RenderOptions): Promise<void> {
  provideSite(site);
  const { build } = await import('astro');
  await rm(options.outDir, { recursive: true, force: true });
  await build({
    root: options.root,
    outDir: options.outDir,
    site: site.config.site_url,
    logLevel: options.logLevel ?? 'warn',
  });
}
