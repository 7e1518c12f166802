/**
 * Indexes the built pages with Pagefind into `<outDir>/pagefind/`.
 *
 * Pagefind's indexer holds ≈ 0.35 MB per page while it builds (1.6 GB at 4,500 pages, once the
 * whole build's peak), so the pages go to it in runs of at most `RUN_PAGES`, each a Pagefind process
 * of its own that exits when its part is written, two at a time; ./pagefind-merge.ts then joins the
 * parts into one index that searches like a single run's (same pages, postings, filters, chunks).
 *
 * Each run is Pagefind's command-line program over `outDir`, told by a glob which pages are its
 * own (so the URLs are the ones a single run gives). The program builds the index once; Pagefind's
 * Node API builds it twice on `writeFiles` and runs one index at a time, which took half as long
 * again. Only pages that mark their searchable part with `data-pagefind-body`
 * (src/layouts/Base.astro does on every page meant for search) are given: Pagefind decides per run
 * whether any page is marked and indexes whole pages when none is, so a run of unmarked pages alone
 * would otherwise index them whole.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  type Dirent,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, availableParallelism, platform, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Pages per Pagefind run. Measured at 4,508 pages (peak of the whole search stage, Node included):
 * one run 1.6 GB; runs of 1,000 pages one at a time 0.5 GB; runs of 600 pages two at a time
 * 0.6 GB and the fastest. `PLAYBOOK_SEARCH_RUN_PAGES` overrides it.
 */
export const RUN_PAGES = 600;
/**
 * Pages per run while the site is still being written, if fewer than the run size. Measured at 5,000
 * pages: the render stage holds ≈ 670 MiB, a run of 600 pages ≈ 260 MiB and the parent ≈ 90 MiB,
 * together just over 1 GiB; a run of 400 pages holds ≈ 190 MiB (peaks of 879–998 MiB), and runs of
 * 300 leave a wider margin, as the render stage alone varies by ±75 MiB from build to build.
 */
const EARLY_RUN_PAGES = 300;
/** Runs at once: two use both cores of a small machine while each waits on its own writes. */
const RUNS_AT_ONCE = Math.min(2, availableParallelism());
/** An opening tag carrying the attribute; text cannot hold a raw "<", so mentions in prose do not count. */
const MARKED = /<[a-z][^>]*\sdata-pagefind-body[\s=/>]/i;

export interface IndexResult {
  /** Pages in the index. */
  pages: number;
  /** Pagefind runs it took. */
  runs: number;
  /** What Pagefind warned about, one message per line. */
  warnings: string[];
}

/** A page is completely written once its text ends with the closing tag (every layout's page does). */
const COMPLETE = /<\/html>$/i;

/**
 * Every HTML file under `dir` (Pagefind's own output and Astro's assets aside), in path order.
 * `tolerant` is for a folder still being written: a folder or file that goes away is passed over.
 */
function htmlFiles(root: string, dir = root, tolerant = false, walk?: Walk): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (tolerant && (error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  let leaf = true;
  const own: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      leaf = false;
      if (dir === root && (entry.name === 'pagefind' || entry.name === '_astro')) continue;
      if (walk?.skip.has(path)) continue;
      out.push(...htmlFiles(root, path, tolerant, walk));
    } else if (entry.name.endsWith('.html')) {
      out.push(path);
      own.push(path);
    }
  }
  if (leaf && dir !== root) walk?.leaves.push({ dir, pages: own });
  return out;
}

/**
 * A scan that passes over the folders in `skip`, and collects in `leaves` the folders it listed
 * that hold no folder (a page's own folder: `personas/<id>/` holds only its index.html).
 */
interface Walk {
  skip: Set<string>;
  leaves: { dir: string; pages: string[] }[];
}

/** The pages to index, as paths relative to `outDir`: HTML files with a `data-pagefind-body` element. */
export function searchablePages(outDir: string): string[] {
  return htmlFiles(outDir)
    .filter((path) => MARKED.test(readFileSync(path, 'utf8')))
    .map((path) => relative(outDir, path));
}

/** A page's text with the size and modification time it had when read. */
function readPage(path: string): { text: string; size: number; mtimeMs: number } {
  const fd = openSync(path, 'r');
  try {
    // Size and time before the text: a page written on in between looks changed later, never unchanged.
    const { size, mtimeMs } = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), size, mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Whether `text` is a whole page: it ends with `</html>`, trailing whitespace aside. */
export function isCompletePage(text: string): boolean {
  return COMPLETE.test(text.trimEnd().slice(-7));
}

/** Pages per run from `PLAYBOOK_SEARCH_RUN_PAGES`, else RUN_PAGES. */
function runPages(): number {
  const raw = process.env.PLAYBOOK_SEARCH_RUN_PAGES;
  if (raw === undefined || raw === '') return RUN_PAGES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `PLAYBOOK_SEARCH_RUN_PAGES is "${raw}": it sets how many pages each Pagefind run indexes and must be a whole number of at least 1 (default ${RUN_PAGES}).`,
    );
  }
  return n;
}

/**
 * `pages` split into runs of nearly equal size, at most `maxPerRun` each, in order. With `together`
 * runs going at once, the number of runs is a multiple of it where there are pages enough, so the
 * last runs end together instead of one of them running alone on a machine with a core to spare.
 */
export function splitRuns<T>(pages: T[], maxPerRun: number, together = 1): T[][] {
  const needed = Math.ceil(pages.length / maxPerRun);
  const runs = Math.max(
    1,
    needed > 1 ? Math.min(pages.length, Math.ceil(needed / together) * together) : needed,
  );
  return Array.from({ length: runs }, (_, i) =>
    pages.slice(Math.floor((i * pages.length) / runs), Math.floor(((i + 1) * pages.length) / runs)),
  );
}

/**
 * Pagefind's program, found as its npm package finds it: `PAGEFIND_EXTENDED_BINARY_PATH` or
 * `PAGEFIND_BINARY_PATH`, else the platform package installed beside `pagefind`.
 */
function pagefindProgram(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const set = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (set) return set;
  }
  const os = platform() === 'win32' ? 'windows' : platform();
  const require = createRequire(import.meta.resolve('pagefind'));
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}${os === 'windows' ? '.exe' : ''}`);
    } catch {
      // Not this one: try the next name.
    }
  }
  throw new Error(
    `Pagefind's program for ${os}-${arch()} is not installed (looked for @pagefind/${os}-${arch()}). ` +
      'Run npm ci; on an unusual platform, set PAGEFIND_BINARY_PATH to a Pagefind 1.6 binary.',
  );
}

/**
 * One Pagefind process over the `pages` of `site`, writing its index to `dir`; resolves to its
 * warnings. The settings go in a pagefind.json in `cwd`, a folder of the run's own: a glob of a few
 * hundred pages is too long for a Windows command line. Pagefind also reads PAGEFIND_* variables;
 * they are left out, so that the runs index the same way whatever the environment says.
 */
function runPagefind(
  program: string,
  site: string,
  pages: string[],
  dir: string,
  cwd: string,
  signal?: AbortSignal,
): Promise<string[]> {
  mkdirSync(cwd, { recursive: true });
  const settings = {
    site: resolve(site),
    output_path: resolve(dir),
    glob: globOf(pages),
    force_language: 'en',
    quiet: true,
  };
  writeFileSync(join(cwd, 'pagefind.json'), JSON.stringify(settings));
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PAGEFIND_')));
  return new Promise((resolve, reject) => {
    const child = spawn(program, [], {
      cwd,
      env,
      signal,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', (error) =>
      reject(
        new Error(
          signal?.aborted
            ? `Pagefind was stopped while indexing ${pages.length} pages of ${site}: the indexing was cancelled.`
            : `Pagefind could not start (${program}): ${error.message}`,
        ),
      ),
    );
    child.on('close', (code, signal) => {
      const lines = output.split('\n').filter((line) => line.trim());
      if (code === 0) resolve(lines);
      else {
        const why = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        reject(
          new Error(
            `Pagefind ${why} while indexing ${pages.length} pages of ${site} (${pages[0]} to ${pages.at(-1)}):\n${lines.join('\n')}`,
          ),
        );
      }
    });
  });
}

/** Wax's glob metacharacters (Pagefind's glob crate); a backslash makes each literal. */
const GLOB_META = /[\\?*$:<>()[\]{},]/g;

/** A glob that matches exactly `pages` (paths relative to the site, any separator). */
export function globOf(pages: string[]): string {
  const literal = (page: string) => page.split(sep).join('/').replace(GLOB_META, '\\$&');
  return `{${pages.map(literal).join(',')}}`;
}

/** The search runtime with an empty index, for a site without searchable pages. */
async function writeEmptyIndex(dir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Indexes pages while a site is being written, then the rest, into `<outDir>/pagefind/`. */
export interface Indexer {
  /**
   * Takes the pages completely written since the last scan (see isCompletePage) and, when at least
   * a run's worth of searchable pages waits and no run is under way, starts one run over them. It
   * never throws: what it cannot read now, the final scan reads. Returns the pages of the run it
   * started, 0 if none. A run that ends before finish() starts the next from the pages the scans
   * found, when a run's worth waits.
   */
  scan(): number;
  /**
   * Once the site is completely written: scans every page (as searchablePages does), indexes what no
   * run has taken, `RUNS_AT_ONCE` runs at a time, and merges all runs into `<outDir>/pagefind/`. The
   * final scan is done when this returns, so files written after that are not looked at.
   */
  finish(): Promise<IndexResult>;
  /** Starts no more runs, stops the one under way and removes the work folder. */
  abort(): Promise<void>;
  /** Pages given to runs started before finish() was called. */
  readonly pagesBeforeFinish: number;
  /** Runs started so far. */
  readonly runsStarted: number;
}

/** What a scan learnt about one file. */
interface Seen {
  size: number;
  mtimeMs: number;
  searchable: boolean;
  /** The run it was given to. */
  run?: number;
}

interface Run {
  pages: string[];
  dir: string;
  /** Settles when the run ends, never rejects (a failure is kept in the indexer). */
  done: Promise<void>;
}

/**
 * An indexer for the site being written into `outDir`. Pages go to runs only once complete, at most
 * one run at a time until finish() (the site's writer needs the other core, and each run holds
 * ≈ 0.35 MB per page); a page that changes after a run took it sends its run's pages to the final
 * runs again, so the index is the one indexSite would give for the finished folder.
 */
export function startIndexer(outDir: string): Indexer {
  const maxPerRun = runPages();
  const maxPerEarlyRun = Math.min(maxPerRun, EARLY_RUN_PAGES);
  const work = mkdtempSync(join(tmpdir(), 'playbook-pagefind-'));
  const stop = new AbortController();
  const seen = new Map<string, Seen>();
  /** Searchable complete pages no run has taken yet, in the order found. */
  const waiting: string[] = [];
  const runs: Run[] = [];
  /** Runs whose pages changed after they took them (by index in `runs`). */
  const stale = new Set<number>();
  let running = 0;
  let failed: { error: unknown } | undefined;
  let finishing = false;
  let pagesBeforeFinish = 0;
  let program: string | undefined;
  const warnings: string[] = [];

  const start = (pages: string[]): Run => {
    const i = runs.length;
    const dir = join(work, `index-${i}`);
    program ??= pagefindProgram();
    running++;
    const done = runPagefind(program, outDir, pages, dir, join(work, `run-${i}`), stop.signal)
      .then((lines) => void warnings.push(...lines))
      .catch((error: unknown) => {
        failed ??= { error };
      })
      .finally(() => {
        running--;
        // While Astro renders, the next run starts from the pages the last scan found, if enough are
        // waiting, rather than at the next scan (up to half a second later at 5,000 pages).
        startEarlyRun();
      });
    const run = { pages, dir, done };
    runs.push(run);
    for (const page of pages) seen.get(page)!.run = i;
    return run;
  };

  /** Starts a run of waiting pages when none is under way and enough wait; returns its page count. */
  const startEarlyRun = (): number => {
    if (finishing || failed || stop.signal.aborted) return 0;
    if (running > 0 || waiting.length < maxPerEarlyRun) return 0;
    try {
      return start(waiting.splice(0, maxPerEarlyRun)).pages.length;
    } catch (error) {
      failed ??= { error };
      return 0;
    }
  };

  /**
   * Folders with no folder in them whose pages were all complete when seen: scans while Astro
   * renders pass over them (at 20,000 pages, listing every page's folder on each scan left
   * Pagefind waiting); the final scan lists everything again.
   */
  const done = new Set<string>();
  /** Looks at every HTML file; `final` reads every file it has not seen unchanged, complete or not. */
  const look = (final: boolean): string[] => {
    const order: string[] = [];
    const walk: Walk | undefined = final ? undefined : { skip: done, leaves: [] };
    for (const path of htmlFiles(outDir, outDir, !final, walk)) {
      const page = relative(outDir, path);
      order.push(page);
      const known = seen.get(page);
      if (known && !final) continue;
      if (known) {
        const now = statSync(path);
        if (now.size === known.size && now.mtimeMs === known.mtimeMs) continue;
        if (known.run !== undefined) stale.add(known.run);
        seen.delete(page);
      }
      let read: ReturnType<typeof readPage>;
      try {
        read = readPage(path);
      } catch (error) {
        if (final) throw error;
        continue;
      }
      if (!final && !isCompletePage(read.text)) continue;
      const searchable = MARKED.test(read.text);
      seen.set(page, { size: read.size, mtimeMs: read.mtimeMs, searchable });
      if (searchable && !final) waiting.push(page);
    }
    for (const { dir, pages } of walk?.leaves ?? []) {
      if (pages.length > 0 && pages.every((path) => seen.has(relative(outDir, path)))) done.add(dir);
    }
    return order;
  };

  return {
    get pagesBeforeFinish() {
      return pagesBeforeFinish;
    },

    get runsStarted() {
      return runs.length;
    },

    scan() {
      if (finishing || failed || stop.signal.aborted) return 0;
      try {
        look(false);
      } catch {
        return 0;
      }
      return startEarlyRun();
    },

    finish() {
      finishing = true;
      let order: string[];
      try {
        order = look(true);
      } catch (error) {
        return this.abort().then(() => Promise.reject(error));
      }
      // A run is stale when one of its pages changed or went away after it took them; its pages
      // are indexed again with the rest.
      const present = new Set(order);
      for (const [page, known] of seen) {
        if (known.run !== undefined && !present.has(page)) stale.add(known.run);
      }
      const early = runs.length;
      const kept = runs.filter((_, i) => !stale.has(i));
      pagesBeforeFinish = kept.reduce((sum, run) => sum + run.pages.length, 0);
      const rest = order.filter((page) => {
        const known = seen.get(page)!;
        return known.searchable && (known.run === undefined || stale.has(known.run));
      });
      const underWay = runs.at(-1)?.done;
      return (async () => {
        try {
          const queue = rest.length > 0 || kept.length === 0 ? splitRuns(rest, maxPerRun, RUNS_AT_ONCE) : [];
          if (queue[0]?.length === 0) {
            const dir = join(work, `index-${early}`);
            await writeEmptyIndex(dir);
            runs.push({ pages: [], dir, done: Promise.resolve() });
          } else {
            let next = 0;
            // After a failure no new run starts, and the ones under way finish before the folder goes.
            const worker = async () => {
              while (next < queue.length && !failed) await start(queue[next++]!).done;
            };
            await Promise.all(
              Array.from({ length: RUNS_AT_ONCE }, (_, i) =>
                i === 0 && underWay ? underWay.then(worker) : worker(),
              ),
            );
          }
          if (failed) throw failed.error;
          const dirs = runs.filter((_, i) => !stale.has(i)).map((run) => run.dir);
          // Loaded only now: while the site is written, the parent holds as little as it can.
          const { mergePagefindIndexes } = await import('./pagefind-merge.ts');
          const merged = await mergePagefindIndexes(dirs, join(outDir, 'pagefind'), { move: true });
          return { pages: merged.pages, runs: dirs.length, warnings: [...new Set(warnings)] };
        } finally {
          await Promise.all(runs.map((run) => run.done));
          rmSync(work, { recursive: true, force: true });
        }
      })();
    },

    async abort() {
      stop.abort();
      await Promise.all(runs.map((run) => run.done));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Indexes the site in `outDir` into `outDir/pagefind/`; returns the pages indexed, the runs it took and Pagefind's warnings. */
export async function indexSite(outDir: string): Promise<IndexResult> {
  return startIndexer(outDir).finish();
}
