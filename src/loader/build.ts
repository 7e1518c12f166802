/**
 * `npm run build`: lint (errors stop it, nothing is published), Astro build, Pagefind index.
 * Every file is parsed once (or read back from the parse cache); the pages receive the site model
 * computed from the parsed entries through the Astro hand-off (src/astro).
 *
 * Two processes, so that peak memory is the larger of the two stages rather than their sum: a
 * child process parses, lints and renders the pages with Astro, and exits; then the parent, still
 * small, indexes the written pages with Pagefind in runs of a few hundred pages (./search-index.ts).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatPretty } from '../core/lint/format/pretty.ts';
import { compactForSite, createSiteData } from '../core/views/site.ts';
import { writeAdmin } from './admin.ts';
import { EXIT_FINDINGS, EXIT_OK, say, warn } from './cli.ts';
import { readSiteHistory } from './git.ts';
import { writeOutputs } from './outputs.ts';
import { runPipeline } from './pipeline.ts';
import { indexSite } from './search-index.ts';

/** Set in the child process that lints and renders; the parent indexes. */
const STAGE_ENV = 'PLAYBOOK_BUILD_STAGE';
const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BuildOptions {
  content?: string;
  today: string;
  /** Output folder: `--out`, else `PLAYBOOK_OUT_DIR`, else dist/. */
  out?: string;
  /** The command line to run again as the render stage (script path and arguments). */
  argv: string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Prints one line per stage: its time, the process's memory, and a detail. */
function stageClock() {
  let mark = performance.now();
  return (name: string, detail = '') => {
    const now = performance.now();
    const rss = `${Math.round(process.memoryUsage.rss() / 1e6)} MB`;
    say(
      `  ${name.padEnd(8)} ${seconds(now - mark).padStart(8)} ${rss.padStart(8)}${detail ? `  ${detail}` : ''}`,
    );
    mark = now;
  };
}

/** Builds the site; returns the exit code. */
export async function buildSite(options: BuildOptions): Promise<number> {
  const outDir = resolve(options.out || process.env.PLAYBOOK_OUT_DIR || resolve(ROOT, 'dist'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (process.env[STAGE_ENV] === 'site') return renderStage(options, outDir);

  const started = performance.now();
  say(`Building the playbook site (today is ${options.today})`);
  const child = spawnSync(process.execPath, [...process.execArgv, ...options.argv], {
    stdio: 'inherit',
    env: { ...process.env, [STAGE_ENV]: 'site', PLAYBOOK_TODAY: options.today, PLAYBOOK_OUT_DIR: outDir },
  });
  if (child.status !== 0) return child.status ?? EXIT_FINDINGS;
  const stage = stageClock();
  const search = await indexSite(outDir);
  for (const line of search.warnings) warn(`Pagefind: ${line}`);
  stage(
    'search',
    `${search.pages} pages indexed in ${search.runs} Pagefind run${search.runs === 1 ? '' : 's'}`,
  );
  stage('admin', await writeAdmin({ outDir, content: options.content }));
  say(`Done in ${seconds(performance.now() - started)}.`);
  return EXIT_OK;
}

/** The child stage: load, parse, lint (errors stop here), site model, Astro. */
async function renderStage(options: BuildOptions, outDir: string): Promise<number> {
  const stage = stageClock();
  const { playbook, entries, graph, diagnostics, summary } = await runPipeline({
    content: options.content,
    today: options.today,
    onNotice: warn,
    onStage: stage,
  });
  if (summary.errors > 0) {
    warn(
      formatPretty(diagnostics, summary, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }),
    );
    warn('Build stopped: fix the errors above (npm run lint shows them too). Nothing was published.');
    return EXIT_FINDINGS;
  }
  if (summary.warnings > 0) say(`${formatPretty(diagnostics, summary)}\n`);
  const history = readSiteHistory(playbook.dir, graph, playbook.config);
  stage('history', history.available ? `${history.pages.size} pages` : history.reason);
  compactForSite(entries);
  const site = {
    ...createSiteData({ graph, config: playbook.config, today: options.today, diagnostics }),
    history,
  };
  stage('model');
  const { renderSite } = await import('../astro/build.ts');
  const logLevel = (process.env.PLAYBOOK_ASTRO_LOG as 'info' | undefined) ?? 'warn';
  await renderSite(site, { root: ROOT, outDir, logLevel });
  stage('astro', `pages written to ${outDir}`);
  stage('data', writeOutputs(site, outDir));
  return EXIT_OK;
}
