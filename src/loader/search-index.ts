/** Indexes the built pages with Pagefind into `<outDir>/pagefind/`. */
import { resolve } from 'node:path';

/** Runs Pagefind over the HTML in `outDir`; returns how many pages it indexed. */
export async function indexSite(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length)
      throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: resolve(outDir, 'pagefind') });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
