/**
 * `npm run build`: lint (errors stop it, nothing is published), Astro build, Pagefind index.
 * Every file is parsed once (or read back from the parse cache); the pages receive the site model
 * computed from the parsed entries through the Astro hand-off (src/astro).
 *
 * Three processes, so that peak memory is the largest stage's rather than their sum: one child
 * parses and lints the playbook and saves the site model, a second renders the pages with Astro
 * (./render-stage.ts), and the parent indexes the written pages with Pagefind in runs of a few
 * hundred pages (./search-index.ts): one run at a time while Astro renders, over the pages already
 * completely written, and the rest once it has finished. The parent loads nothing heavy, so it
 * stays near a bare Node process's size while the children work. A last, short child writes the
 * editor's files beside the final runs (startAdmin).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, say, warn } from './cli.ts';

/** Loaded once the render stage has started (see the test of the parent's imports). */
type Indexer = import('./search-index.ts').Indexer;

/** Set in the child processes: `model` (parse, lint, site model), `render` (Astro) or `admin` (the editor). */
const STAGE_ENV = 'PLAYBOOK_BUILD_STAGE';
/** The site model file the model stage writes and the render stage reads. */
const SITE_FILE_ENV = 'PLAYBOOK_BUILD_SITE_FILE';
/**
 * The render stage's young generation, in MB per semi-space. Astro's allocations die young; a
 * smaller nursery than V8's default keeps ≈ 80 MB less resident at no measurable cost in time.
 * (Parsing is the opposite: there it promotes garbage, so the model stage keeps the default.)
 */
const RENDER_SEMI_SPACE_MB = 16;
/**
 * How much a stage's heap may grow past what survived the last full collection, in percent.
 * V8 otherwise picks up to 4 × while the parse allocates fast, so the model stage's peak depended
 * on when a collection fell: 1.3 to 2.7 GB for the same 20,000 files. At 1.5 × the peak is bounded
 * near 1.5 × the parsed entries, for a few more collections early in the parse. The render stage
 * holds the site model and Astro's own state through the render, and peaked 70 MiB lower with the
 * same bound at 5,000 pages, for no measurable time (BENCHMARKS.md, "Build memory in three processes").
 */
const HEAP_GROWING_PERCENT = 50;
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

/** The least time between two scans of the output folder while Astro renders. */
const SCAN_MS = 100;
/** The next scan waits at least this many times the last one took, so scanning takes at most a tenth of a core. */
const SCAN_SPACING = 10;

/**
 * Scans the output folder for written pages (giving them to Pagefind runs) until `exited` settles;
 * resolves to its exit code.
 */
async function indexWhile(indexer: Indexer, exited: Promise<number>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const scan = () => {
    const begun = performance.now();
    indexer.scan();
    timer = setTimeout(scan, Math.max(SCAN_MS, SCAN_SPACING * (performance.now() - begun)));
  };
  timer = setTimeout(scan, SCAN_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Builds the site; returns the exit code. */
export async function buildSite(options: BuildOptions): Promise<number> {
  const outDir = resolve(options.out || process.env.PLAYBOOK_OUT_DIR || resolve(ROOT, 'dist'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const stageName = process.env[STAGE_ENV];
  const siteFile = process.env[SITE_FILE_ENV];
  if (stageName === 'admin') {
    const { writeAdmin } = await import('./admin.ts');
    say(await writeAdmin({ outDir, content: options.content }));
    return EXIT_OK;
  }
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
  let indexer: Indexer | undefined;
  try {
    const env = {
      ...process.env,
      PLAYBOOK_TODAY: options.today,
      PLAYBOOK_OUT_DIR: outDir,
      [SITE_FILE_ENV]: join(work, 'site.bin'),
    };
    const args = (stage: 'model' | 'render', flags: string[] = []) =>
      [
        process.execPath,
        [...process.execArgv, ...flags, ...options.argv],
        { stdio: 'inherit', env: { ...env, [STAGE_ENV]: stage } },
      ] as const;
    const modelled =
      spawnSync(...args('model', [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`])).status ?? EXIT_FINDINGS;
    if (modelled !== EXIT_OK) return modelled;
    // Nothing of an earlier build may be taken for a page of this one (the render stage empties
    // the folder too, but only once Astro has loaded).
    rmSync(outDir, { recursive: true, force: true });
    const { startIndexer } = await import('./search-index.ts');
    indexer = startIndexer(outDir);
    const render = spawn(
      ...args('render', [
        `--max-semi-space-size=${RENDER_SEMI_SPACE_MB}`,
        `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
      ]),
    );
    const rendered = await indexWhile(indexer, exitCode(render, 'render'));
    if (rendered !== EXIT_OK) {
      await indexer.abort();
      return rendered;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // The search stage's time runs from the end of the render stage to the end of the merge: the
  // pages indexed while Astro rendered are part of the render stage's time.
  const stage = stageClock();
  const searching = indexer.finish();
  // The admin stage runs beside the last Pagefind runs: it writes only to <out>/admin/ and
  // <out>/schemas/, after the final scan, and no run reads them. Its line's time is what it adds
  // after the search stage.
  const admin = startAdmin(options.argv);
  let search: Awaited<typeof searching>;
  try {
    search = await searching;
  } catch (error) {
    admin.child.kill();
    throw error;
  }
  for (const line of search.warnings) warn(`Pagefind: ${line}`);
  stage(
    'search',
    `${search.pages} pages indexed in ${search.runs} Pagefind run${search.runs === 1 ? '' : 's'} (${indexer.pagesBeforeFinish} while rendering)`,
  );
  const written = await admin.done;
  // The child has printed why it failed.
  if (written.code !== EXIT_OK) return written.code;
  stage('admin', written.detail);
  say(`Done in ${seconds(performance.now() - started)}.`);
  return EXIT_OK;
}

/** Niceness of the admin stage's process: the lowest priority there is. */
const ADMIN_NICENESS = 19;

/**
 * The admin stage (the editor's files and the JSON Schemas, ./admin.ts) in a child process at the
 * lowest CPU priority. It needs about a second of CPU, at the time the last Pagefind runs hold both
 * cores: beside them in this process it slowed the first two by 2–3 s each, while at low priority
 * it takes the time they leave, such as the merge, which runs on one core (BENCHMARKS.md).
 */
function startAdmin(argv: string[]) {
  const child = spawn(process.execPath, [...process.execArgv, ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [STAGE_ENV]: 'admin' },
  });
  try {
    if (child.pid !== undefined) setPriority(child.pid, ADMIN_NICENESS);
  } catch {
    // Where priorities cannot be set, the stage runs at the usual one.
  }
  let detail = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (detail += text));
  const done = exitCode(child, 'admin').then((code) => ({ code, detail: detail.trim() }));
  return { child, done };
}

/** Resolves to a stage's exit code once its process has ended (EXIT_FINDINGS if it could not start). */
function exitCode(child: ChildProcess, stage: string): Promise<number> {
  return new Promise((done) => {
    child.on('error', (error) => {
      warn(`The ${stage} stage could not start: ${error.message}`);
      done(EXIT_FINDINGS);
    });
    child.on('close', (code) => done(code ?? EXIT_FINDINGS));
  });
}
