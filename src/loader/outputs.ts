/**
 * The data outputs of the build (DESIGN §11), written next to the pages from the same site model:
 * `api/*.json` with their JSON Schemas under `schemas/api/`, `llms.txt` and `llms-full.txt`, and
 * `robots.txt`. `playbook.yaml` `outputs` switches each off or on; a playbook is private by default,
 * so robots.txt disallows crawling unless `outputs.search_engines` is true.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiFile, apiFiles, apiSchemaFiles } from '../core/export/api.ts';
import { LLMS_FILE, LLMS_FULL_FILE, llmsFullChunks, llmsTxt } from '../core/export/llms.ts';
import type { SiteData } from '../core/views/site.ts';
import { count } from '../core/words.ts';

/** robots.txt for the `search_engines` setting: everything allowed, or nothing. */
export function robotsTxt(searchEngines: boolean): string {
  return searchEngines
    ? '# Search engines may index this playbook (playbook.yaml outputs.search_engines: true).\nUser-agent: *\nAllow: /\n'
    : '# A private playbook: no crawling (set outputs.search_engines: true in playbook.yaml to allow it).\nUser-agent: *\nDisallow: /\n';
}

/** Writes the data outputs into `outDir` (after Astro, which empties it); returns a progress detail. */
export function writeOutputs(site: SiteData, outDir: string): string {
  const { config, model } = site;
  const { outputs } = config;
  const written: string[] = [];
  writeFileSync(join(outDir, 'robots.txt'), robotsTxt(outputs.search_engines));
  written.push(outputs.search_engines ? 'robots.txt (indexing allowed)' : 'robots.txt (no indexing)');

  const apiDir = join(outDir, 'api');
  const schemaDir = join(outDir, 'schemas', 'api');
  rmSync(apiDir, { recursive: true, force: true });
  rmSync(schemaDir, { recursive: true, force: true });
  if (outputs.api) {
    mkdirSync(apiDir, { recursive: true });
    mkdirSync(schemaDir, { recursive: true });
    const files = apiFiles(model, config);
    for (const [name, entries] of Object.entries(files))
      writeFileSync(join(apiDir, name), `${JSON.stringify(entries, null, 2)}\n`);
    for (const [name, text] of Object.entries(apiSchemaFiles())) writeFileSync(join(schemaDir, name), text);
    written.push(`api/ (${count(files['pages.json' satisfies ApiFile].length, 'page')})`);
  }
  if (outputs.llms) {
    writeFileSync(join(outDir, LLMS_FILE), llmsTxt(model, config));
    const fd = openSync(join(outDir, LLMS_FULL_FILE), 'w');
    try {
      for (const chunk of llmsFullChunks(model, config)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    written.push(`${LLMS_FILE}, ${LLMS_FULL_FILE}`);
  }
  return written.join(', ');
}
