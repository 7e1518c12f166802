import type { Config, EntryType } from '../schema/index.ts';

/** The route of an entry, with the trailing slash the site uses everywhere (§8.16). */
export function urlOf(type: EntryType, id: string): string {
  switch (type) {
    case 'icp':
      return `/icps/${id}/`;
    case 'persona':
      return `/personas/${id}/`;
    case 'term':
      return `/glossary/#${id}`;
    case 'guide':
      return `/guides/${id}/`;
  }
}

const segments = (s: string) => s.split('/').filter((p) => p !== '' && p !== '.').map(encodeURIComponent);

/**
 * "Edit this page" link (§8.19): `<repo_url>/edit/<branch>/<content_path>/<path>`, or undefined when
 * no `repo_url` is configured. `path` is relative to the content folder (`personas/x.mdx`).
 */
export function editUrl(config: Pick<Config, 'repo_url' | 'repo_branch' | 'content_path'>, path: string): string | undefined {
  if (!config.repo_url) return undefined;
  const tail = [...segments(config.repo_branch), ...segments(config.content_path), ...segments(path)];
  return `${config.repo_url.replace(/\/+$/, '')}/edit/${tail.join('/')}`;
}
