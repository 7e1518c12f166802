/**
 * Parses content files on several cores. The entries are what `sources.map(parseEntry)` returns,
 * in order, and each parse is stored in the parse cache as it is made (`stored` says which are).
 *
 * - Two cores (the default where the machine has them): this process and one helper process parse
 *   at once, from both ends of the list, and meet in the middle. The helper reads the files itself
 *   and stores its parses in the parse cache; this process reads them from there, as cache hits.
 * - More (`PLAYBOOK_PARSE_THREADS=N`, N > 2): N child processes take a share of the files each and
 *   stream their parses back, v8-serialised, over their standard output.
 * - One, a small playbook, or no parse cache to hand parses over through: in place.
 *
 * Processes rather than worker threads: worker threads left the process's memory high after they
 * ended (1.1 GB instead of 0.6 GB at 5,000 files), while a process's memory goes back to the system
 * when it exits (BENCHMARKS.md, "Parsing on both cores").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serialize } from 'node:v8';
import { type Entry, parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { entryFrom, openParseCache, parsedPart, type StoredEntries } from './cache.ts';
import { COMPILE_CACHE_DIR } from './cli.ts';
import { frameReader } from './frames.ts';

/** Below this many files, starting a process costs more than it saves. */
const MIN_FILES = 400;
const CHILD = join(import.meta.dirname, 'parse-child.ts');

/** Parse processes when none are asked for: this one and a helper, where there are two cores. */
export const DEFAULT_THREADS = Math.min(2, availableParallelism());

export interface ParseOptions {
  /** Processes that parse, this one included (`PLAYBOOK_PARSE_THREADS`). */
  threads?: number;
  /** The parse cache folder; without one, files are parsed in place or by streaming children. */
  cacheDir?: string;
  /** The content folder `sources` were read from (their `path` is relative to it). */
  dir?: string;
  /** The child's program (tests replace it with one that fails). */
  script?: string;
}

/** Parses `sources` on the cores the options allow; see the top of this file. */
export async function parseAll(sources: SourceFile[], options: ParseOptions = {}): Promise<StoredEntries> {
  const { cacheDir, dir, script = CHILD } = options;
  const threads = Math.min(options.threads ?? DEFAULT_THREADS, availableParallelism());
  if (threads <= 1 || sources.length < MIN_FILES) return parseInPlace(sources, cacheDir);
  if (threads === 2 && cacheDir !== undefined && dir !== undefined)
    return parseBeside(sources, cacheDir, dir, script);
  // Every n-th file to each process: the types are stored one after the other and differ in
  // size, so contiguous shares would leave one process with most of the work.
  const shares = Array.from({ length: threads }, (_, k) => sources.filter((_s, i) => i % threads === k));
  const parsed = await Promise.all(shares.map((share) => parseInChild(share, cacheDir, script)));
  const at = (i: number) => parsed[i % threads]![Math.floor(i / threads)]!;
  return {
    entries: sources.map((_s, i) => at(i).entry),
    stored: sources.map((_s, i) => at(i).stored),
  };
}

/**
 * Parses `sources` in this process, storing each entry in the cache (when there is one) as soon as
 * it is parsed, as a parse process does. Storing them all after the last parse cost a full garbage
 * collection over every parsed entry for each 64 MB of serialised entries: 12 in a row, 6 s, at
 * 20,000 files (BENCHMARKS.md, "Garbage collection while parsing").
 */
function parseInPlace(sources: SourceFile[], cacheDir: string | undefined): StoredEntries {
  const cache = openParseCache(cacheDir);
  const entries: Entry[] = [];
  const stored: boolean[] = [];
  try {
    for (const source of sources) {
      const entry = parseEntry(source);
      entries.push(entry);
      stored.push(cacheDir !== undefined && cache.store(source, serialize(parsedPart(entry))));
    }
  } finally {
    cache.close();
  }
  return { entries, stored };
}

/** Files this process parses between two looks at how far the helper has come. */
const TURN = 25;

/** What a helper process needs: where the files are and where to store their parses. */
export interface Handoff {
  dir: string;
  cacheDir: string;
  files: Pick<SourceFile, 'type' | 'id' | 'file' | 'path'>[];
}

/**
 * Parses `sources` here and in one helper process at once: this process takes files from the
 * front, the helper from the back, and they meet where they meet, so neither waits for the other.
 * The helper reads each file from `dir` itself, stores its parse in the parse cache and then writes
 * the file's index to its standard output, so only the file list and the indexes cross between the
 * processes. Once the two meet, the helper is stopped and this process reads its files' parses from
 * the cache, as it would cache hits. A file the cache then lacks (the helper failed to start or
 * crashed, could not write the cache, or read a text that has changed since) is parsed here: a
 * failing helper costs time, never entries, and entries always match the texts of `sources`.
 */
async function parseBeside(
  sources: SourceFile[],
  cacheDir: string,
  dir: string,
  script: string,
): Promise<StoredEntries> {
  // The file list goes through a file: through the pipe it would only flow while this process
  // waits, which it rarely does.
  let handoff: string;
  try {
    handoff = join(mkdtempSync(join(tmpdir(), 'playbook-parse-')), 'files');
    const files = sources.map(({ type, id, file, path }) => ({ type, id, file, path }));
    writeFileSync(handoff, serialize({ dir, cacheDir, files } satisfies Handoff));
  } catch {
    return parseInPlace(sources, cacheDir);
  }
  const child = spawn(process.execPath, [script, handoff], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE || COMPILE_CACHE_DIR },
  });
  /** The helper finished every file from here to the end. */
  let low = sources.length;
  let partial = '';
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (/^\d+$/.test(line) && Number(line) === low - 1) low--;
  });
  const closed = new Promise<void>((resolve) => {
    child.on('close', () => resolve());
    child.on('error', () => resolve()); // It could not start: everything is parsed here.
  });

  const entries: Entry[] = new Array(sources.length);
  const stored: boolean[] = new Array(sources.length).fill(false);
  const cache = openParseCache(cacheDir);
  let next = 0;
  try {
    while (next < low) {
      const end = Math.min(low, next + TURN);
      for (; next < end; next++) {
        const source = sources[next]!;
        const entry = parseEntry(source);
        entries[next] = entry;
        stored[next] = cache.store(source, serialize(parsedPart(entry)));
      }
      await new Promise((resolve) => setImmediate(resolve)); // Hear from the helper.
    }
    child.kill();
    await closed;
    // This cache has not read its packs yet (nothing was asked of it): the first `get` reads them
    // now, the helper's included.
    for (; next < sources.length; next++) {
      const source = sources[next]!;
      const cached = cache.get(source);
      const entry = cached ?? parseEntry(source);
      entries[next] = entry;
      stored[next] = cached !== undefined || cache.store(source, serialize(parsedPart(entry)));
    }
  } finally {
    cache.close();
    child.kill();
    rmSync(dirname(handoff), { recursive: true, force: true });
  }
  return { entries, stored };
}

interface Delivered {
  entry: Entry;
  stored: boolean;
}

/**
 * Parses `sources` in a child process that streams them back. Whatever it could not deliver (it
 * failed to start, crashed or was killed) is parsed here instead, so a failing child costs time,
 * never entries.
 */
function parseInChild(
  sources: SourceFile[],
  cacheDir: string | undefined,
  script: string,
): Promise<Delivered[]> {
  return new Promise((resolve) => {
    const out: Delivered[] = [];
    const finish = () => {
      for (const source of sources.slice(out.length)) out.push({ entry: parseEntry(source), stored: false });
      resolve(out);
    };
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const frames = frameReader((bytes) => {
      const source = sources[out.length];
      if (source) out.push({ entry: entryFrom(source, bytes.subarray(1)), stored: bytes[0] === 1 });
    });
    child.stdout.on('data', frames);
    child.on('error', () => undefined);
    child.stdin.on('error', () => undefined);
    child.on('close', finish);
    child.stdin.end(serialize({ sources, cacheDir }));
  });
}
