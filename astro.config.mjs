// @ts-check

import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteUrl } from './src/astro/config.ts';

// Content bodies are never compiled: pages render them from parsed syntax trees (src/core/render/render.ts).
// @astrojs/mdx serves the project's own, trusted pages only.
export default defineConfig({
  site: await siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
