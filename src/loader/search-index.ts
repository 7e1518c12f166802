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
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, availableParallelism, platform, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { mergePagefindIndexes } from './pagefind-merge.ts';

/**
 * Pages per Pagefind run. Measured at 4,508 pages (peak of the whole search stage, Node included):
 * one run 1.6 GB; runs of 1,000 pages one at a time 0.5 GB; runs of 600 pages two at a time
 * 0.6 GB and the fastest. `PLAYBOOK_SEARCH_RUN_PAGES` overrides it.
 */
export const RUN_PAGES = 600;
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

/** Every HTML file under `dir` (Pagefind's own output and Astro's assets aside), in path order. */
function htmlFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && (entry.name === 'pagefind' || entry.name === '_astro')) continue;
      out.push(...htmlFiles(root, path));
    } else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The pages to index, as paths relative to `outDir`: HTML files with a `data-pagefind-body` element. */
export function searchablePages(outDir: string): string[] {
  return htmlFiles(outDir)
    .filter((path) => MARKED.test(readFileSync(path, 'utf8')))
    .map((path) => relative(outDir, path));
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

/** `pages` split into runs of nearly equal size, at most `maxPerRun` each, in order. */
export function splitRuns<T>(pages: T[], maxPerRun: number): T[][] {
  const runs = Math.max(1, Math.ceil(pages.length / maxPerRun));
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
    const child = spawn(program, [], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', (error) =>
      reject(new Error(`Pagefind could not start (${program}): ${error.message}`)),
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

/** Indexes the site in `outDir` into `outDir/pagefind/`; returns the pages indexed, the runs it took and Pagefind's warnings. */
export async function indexSite(outDir: string): Promise<IndexResult> {
  const runs = splitRuns(searchablePages(outDir), runPages());
  const work = mkdtempSync(join(tmpdir(), 'playbook-pagefind-'));
  try {
    const dirs = runs.map((_, i) => join(work, `index-${i}`));
    const warnings: string[] = [];
    if (runs[0]!.length === 0) await writeEmptyIndex(dirs[0]!);
    else {
      const program = pagefindProgram();
      let next = 0;
      let failed: { error: unknown } | undefined;
      const worker = async () => {
        // After a failure no new run starts, and the ones under way finish before the folder goes.
        while (next < runs.length && !failed) {
          const i = next++;
          try {
            warnings.push(
              ...(await runPagefind(program, outDir, runs[i]!, dirs[i]!, join(work, `run-${i}`))),
            );
          } catch (error) {
            failed ??= { error };
          }
        }
      };
      await Promise.all(Array.from({ length: RUNS_AT_ONCE }, worker));
      if (failed) throw failed.error;
    }
    const merged = await mergePagefindIndexes(dirs, join(outDir, 'pagefind'), { move: true });
    return { pages: merged.pages, runs: runs.length, warnings: [...new Set(warnings)] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
