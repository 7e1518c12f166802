/** The public site URL for astro.config.mjs: from the build's handoff, else from playbook.yaml. */
import { getSite, siteProvided } from './data.ts';

export async function siteUrl(): Promise<string | undefined> {
  if (siteProvided()) return (await getSite()).config.site_url;
  try {
    const { loadConfig, resolveContentDir } = await import('../loader/index.ts');
    return loadConfig(resolveContentDir()).config.site_url;
  } catch {
    return undefined;
  }
}
