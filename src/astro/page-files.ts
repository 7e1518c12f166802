/** Which content files are behind a page address: what a dev notice reports on (src/astro/data.ts). */
import { ROUTES } from '../core/routes.ts';
import { TYPE_FOLDERS } from '../schema/index.ts';

/** One file, or every file of a folder, relative to the content folder with `/` separators. */
export type PageFiles = { file: string } | { folder: string };

const ENTRY_PAGES = (['icp', 'persona', 'guide'] as const).map((type) => {
  const [prefix = '', suffix = ''] = ROUTES[type].path.split(/<[^>]+>/);
  return { type, prefix, suffix };
});

/**
 * `/personas/cfo-henrik/` → `personas/cfo-henrik.mdx`; `/glossary/` → every file in `glossary/`; any other
 * address (or one that is not valid percent-encoding) → undefined.
 */
export function pageFiles(pathname: string): PageFiles | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path === ROUTES.glossary.path) return { folder: `${TYPE_FOLDERS.term}/` };
  for (const { type, prefix, suffix } of ENTRY_PAGES) {
    if (!path.startsWith(prefix) || !path.endsWith(suffix)) continue;
    const id = path.slice(prefix.length, path.length - suffix.length);
    if (id && !/[/\\]/.test(id) && id !== '.' && id !== '..')
      return { file: `${TYPE_FOLDERS[type]}/${id}.mdx` };
  }
  return undefined;
}
