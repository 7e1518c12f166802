// @ts-check

import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteUrl } from './src/astro/config.ts';
import { playbookDev } from './src/astro/dev.ts';

// Content bodies are never compiled: pages render them from parsed syntax trees (src/core/render/render.ts).
// @astrojs/mdx serves the project's own, trusted pages only. playbookDev adds /admin/ and live lint to
// `npm run dev` and does nothing in a build.
// build.concurrency: Astro awaits each page's mkdir and write before rendering the next; with four
// pages under way the render overlaps those writes (astro stage 12.6–14.3 s against 14.3–16.8 s at
// 5,000 pages, BENCHMARKS.md). Pages do not depend on each other, so the output is the same.
export default defineConfig({
  site: await siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [mdx(), playbookDev()],
});
