// @ts-check

import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteUrl } from './src/astro/config.ts';
import { playbookDev } from './src/astro/dev.ts';

// Content bodies are never compiled: pages render them from parsed syntax trees (src/core/render/render.ts).
// @astrojs/mdx serves the project's own, trusted pages only. playbookDev adds /admin/ and live lint to
// `npm run dev` and does nothing in a build.
export default defineConfig({
  site: await siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [mdx(), playbookDev()],
});
