/**
 * `npm run build`: lint (errors stop it, nothing is published), Astro build, Pagefind index.
 * Every file is parsed once (or read back from the parse cache); the pages receive the site model
 * computed from the parsed entries through the Astro hand-off (src/astro).
 *
 * Three processes, so that peak memory is the largest stage's rather than their sum: one child
 * parses and lints the playbook and saves the site model, a second renders the pages with Astro
 * (./render-stage.ts), and then the parent indexes the written pages with Pagefind in runs of a few
 * hundred pages (./search-index.ts). The parent loads nothing heavy before the children have
 * finished, so it stays at a bare Node process's size while they work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, say, warn } from './cli.ts';

/** Set in the child processes: `model` (parse, lint, site model) or `render` (Astro). */
const STAGE_ENV = 'PLAYBOOK_BUILD_STAGE';
/** The site model file the model stage writes and the render stage reads. */
const SITE_FILE_ENV = 'PLAYBOOK_BUILD_SITE_FILE';
/**
 * The render stage's young generation, in MB per semi-space. Astro's allocations die young; a
 * smaller nursery than V8's default keeps ≈ 80 MB less resident at no measurable cost in time.
 * (Parsing is the opposite: there it promotes garbage, so the model stage keeps the default.)
 */
const RENDER_SEMI_SPACE_MB = 16;
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

/** Called after each stage with its name and a detail line. */
export type Stage = (name: string, detail?: string) => void;

/** Prints one line per stage: its time, the process's memory, and a detail. */
function stageClock(): Stage {
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
  const stageName = process.env[STAGE_ENV];
  const siteFile = process.env[SITE_FILE_ENV];
  if ((stageName === 'model' || stageName === 'render') && siteFile) {
    const stages = await import('./render-stage.ts');
    const run = stageName === 'model' ? stages.modelStage : stages.renderStage;
    return run({
      content: options.content,
      today: options.today,
      outDir,
      root: ROOT,
      siteFile,
      stage: stageClock(),
    });
  }

  const started = performance.now();
  say(`Building the playbook site (today is ${options.today})`);
  const work = mkdtempSync(join(tmpdir(), 'playbook-build-'));
  try {
    const env = {
      ...process.env,
      PLAYBOOK_TODAY: options.today,
      PLAYBOOK_OUT_DIR: outDir,
      [SITE_FILE_ENV]: join(work, 'site.bin'),
    };
    const child = (stage: 'model' | 'render', flags: string[] = []) =>
      spawnSync(process.execPath, [...process.execArgv, ...flags, ...options.argv], {
        stdio: 'inherit',
        env: { ...env, [STAGE_ENV]: stage },
      }).status ?? EXIT_FINDINGS;
    const modelled = child('model');
    if (modelled !== EXIT_OK) return modelled;
    const rendered = child('render', [`--max-semi-space-size=${RENDER_SEMI_SPACE_MB}`]);
    if (rendered !== EXIT_OK) return rendered;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const stage = stageClock();
  const { indexSite } = await import('./search-index.ts');
  const search = await indexSite(outDir);
  for (const line of search.warnings) warn(`Pagefind: ${line}`);
  stage(
    'search',
    `${search.pages} pages indexed in ${search.runs} Pagefind run${search.runs === 1 ? '' : 's'}`,
  );
  const { writeAdmin } = await import('./admin.ts');
  stage('admin', await writeAdmin({ outDir, content: options.content }));
  say(`Done in ${seconds(performance.now() - started)}.`);
  return EXIT_OK;
}
