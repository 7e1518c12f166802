/**
 * Parses content files on several cores: child processes take a share of the files each, store
 * each parse in the parse cache themselves and stream it back, v8-serialised, over their standard
 * output, so the parent only deserialises (as for a cache hit). With `threads` ≤ 1 or a small
 * playbook the files are parsed in place. The entries are what `sources.map(parseEntry)` returns,
 * in order.
 *
 * Processes rather than worker threads: worker threads left the process's memory high after they
 * ended (1.1 GB instead of 0.6 GB at 5,000 files), while a process's memory goes back to the system
 * when it exits and the parent only ever holds the finished entries (BENCHMARKS.md, "Parsing on
 * both cores").
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { type Entry, parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { entryFrom, openParseCache, parsedPart, type StoredEntries } from './cache.ts';
import { frameReader } from './frames.ts';

/** Below this many files, starting the processes costs more than it saves. */
const MIN_FILES = 400;
const CHILD = join(import.meta.dirname, 'parse-child.ts');

/**
 * Parse processes when none are asked for: one. On the 2-core machine two processes used nearly
 * twice the CPU time of one for the same files, so the wall time did not improve (BENCHMARKS.md).
 */
export const DEFAULT_THREADS = 1;

/**
 * Parses `sources` on `threads` processes (`PLAYBOOK_PARSE_THREADS`), or in place. Either way
 * each parse is stored in the parse cache of `cacheDir` as it is made (`stored` says which entries
 * are). `script` is the child's program (tests replace it with one that fails).
 */
export async function parseAll(
  sources: SourceFile[],
  threads = DEFAULT_THREADS,
  cacheDir?: string,
  script = CHILD,
): Promise<StoredEntries> {
  threads = Math.min(threads, availableParallelism());
  if (threads <= 1 || sources.length < MIN_FILES) return parseInPlace(sources, cacheDir);
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

interface Delivered {
  entry: Entry;
  stored: boolean;
}

/**
 * Parses `sources` in a child process. Whatever it could not deliver (it failed to start, crashed or
 * was killed) is parsed here instead, so a failing child costs time, never entries.
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
