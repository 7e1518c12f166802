/** Renders the site with Astro from data the pipeline computed once (handed over through data.ts). */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
  // Astro stages prerendered chunks in `<outDir>/.prerender/` when the output folder is inside the
  // working directory, and otherwise in `<cwd>/.astro/.prerender/`, which two builds into other
  // folders would share (one deleting it under the other). The chunks import packages, so the
  // staging must sit inside the project: each build works from a folder of its own under
  // node_modules/.cache.
  const cwd = process.cwd();
  const cache = join(options.root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const staging = await mkdtemp(join(cache, 'playbook-build-'));
  process.chdir(staging);
  try {
    await build({
      root: options.root,
      outDir: options.outDir,
      site: site.config.site_url,
      logLevel: options.logLevel ?? 'warn',
    });
  } finally {
    process.chdir(cwd);
    await rm(staging, { recursive: true, force: true });
  }
}
