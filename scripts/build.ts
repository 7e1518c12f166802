/**
 * `npm run build`: lint (errors stop it, nothing is published), Astro build, Pagefind index.
 * Every file is parsed once (or read back from the parse cache); the pages receive the parsed
 * entries through the site handoff.
 *
 * Two processes, so that peak memory is the larger of the two stages rather than their sum: a
 * child process parses, lints and renders the pages with Astro, and exits; then this process,
 * still small, runs Pagefind (whose indexer alone takes ≈ 1.6 GB at 5,000 pages).
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatPretty } from '../src/core/lint/format/pretty.ts';
import { lintEntries } from '../src/core/lint/engine.ts';
import { compactForSite, createSiteData } from '../src/core/views/site.ts';
import { parseSourcesWith } from '../src/loader/cache.ts';
import { loadPlaybook, resolveToday } from '../src/loader/index.ts';
import { provideSite } from '../src/astro/data.ts';
import { parseAll } from '../src/loader/workers.ts';
import { EXIT_FINDINGS, EXIT_OK, isoDateOption, main, parse, UsageError } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run build -- [--content DIR] [--today YYYY-MM-DD] [--out DIR]

Lints the playbook (any error stops the build), renders the site with Astro and indexes it with Pagefind.
--out (or PLAYBOOK_OUT_DIR) sets the output folder; the default is dist/.
PLAYBOOK_PARSE_THREADS=N parses files the parse cache lacks on N threads (default 1).`;

/** Set in the child process that lints and renders; the parent indexes. */
const STAGE_ENV = 'PLAYBOOK_BUILD_STAGE';

const root = resolve(import.meta.dirname, '..');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);

await main(USAGE, async () => {
  const { values, positionals } = parse({
    content: { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    say(USAGE);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const today = isoDateOption(values.today, '--today') ?? isoDateOption(resolveToday(undefined), 'PLAYBOOK_TODAY')!;
  const outDir = resolve(values.out || process.env.PLAYBOOK_OUT_DIR || resolve(root, 'dist'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const started = performance.now();
  let mark = started;
  const phase = (name: string, detail = '') => {
    const now = performance.now();
    const rss = `${Math.round(process.memoryUsage.rss() / 1e6)} MB`;
    say(`  ${name.padEnd(8)} ${seconds(now - mark).padStart(8)} ${rss.padStart(8)}${detail ? `  ${detail}` : ''}`);
    mark = now;
  };

  if (process.env[STAGE_ENV] === 'site') return renderSite();

  say(`Building the playbook site (today is ${today})`);
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [STAGE_ENV]: 'site', PLAYBOOK_TODAY: today, PLAYBOOK_OUT_DIR: outDir },
  });
  if (child.status !== 0) return child.status ?? EXIT_FINDINGS;
  mark = performance.now();

  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: resolve(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  phase('search', `${added.page_count} pages indexed`);

  say(`Done in ${seconds(performance.now() - started)}.`);
  return EXIT_OK;

  /** The child stage: load, parse, lint (errors stop here), site model, Astro. */
  async function renderSite(): Promise<number> {
    const playbook = loadPlaybook({ content: values.content });
    for (const notice of playbook.notices) process.stderr.write(`${notice}\n`);
    phase('load', `${playbook.sources.length} files from ${playbook.dir}`);
    const threads = Number(process.env.PLAYBOOK_PARSE_THREADS) || 1;
    const { entries, cached } = await parseSourcesWith(playbook.sources, (misses) => parseAll(misses, threads));
    phase('parse', cached ? `${cached} of ${entries.length} from the parse cache` : '');
    const { diagnostics, summary, graph } = lintEntries(entries, { config: playbook.config, today });
    phase('lint', `${summary.errors} errors, ${summary.warnings} warnings`);
    if (summary.errors > 0) {
      process.stderr.write(`${formatPretty(diagnostics, summary, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR })}\n`);
      process.stderr.write('Build stopped: fix the errors above (npm run lint shows them too). Nothing was published.\n');
      return EXIT_FINDINGS;
    }
    if (summary.warnings > 0) say(`${formatPretty(diagnostics, summary)}\n`);

    compactForSite(entries);
    provideSite(createSiteData({ graph, config: playbook.config, today, diagnostics }));
    phase('model');

    const { build } = await import('astro');
    await rm(outDir, { recursive: true, force: true });
    await build({
      root,
      outDir,
      site: playbook.config.site_url,
      logLevel: (process.env.PLAYBOOK_ASTRO_LOG as 'info') ?? 'warn',
    });
    phase('astro', `pages written to ${outDir}`);
    return EXIT_OK;
  }
});
