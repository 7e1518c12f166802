/**
 * Parses content files on several cores: child processes take a share of the files each and
 * stream the parsed entries back in batches, v8-serialised, over their standard output. With
 * `threads` ≤ 1 or a small playbook the files are parsed in place. The result is what
 * `sources.map(parseEntry)` returns, in order.
 *
 * Processes rather than worker threads: worker threads left the process's memory high after they
 * ended (1.1 GB instead of 0.6 GB at 5,000 files), while a process's memory goes back to the system
 * when it exits and the parent only ever holds the finished entries (BENCHMARKS.md, "Parsing on
 * both cores").
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { type Entry, parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
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
 * Parses `sources` on `threads` processes (`PLAYBOOK_PARSE_THREADS`), or in place. `script` is the
 * child's program (tests replace it with one that fails).
 */
export async function parseAll(
  sources: SourceFile[],
  threads = DEFAULT_THREADS,
  script = CHILD,
): Promise<Entry[]> {
  threads = Math.min(threads, availableParallelism());
  if (threads <= 1 || sources.length < MIN_FILES) return sources.map(parseEntry);
  // Every n-th file to each process: the types are stored one after the other and differ in
  // size, so contiguous shares would leave one process with most of the work.
  const shares = Array.from({ length: threads }, (_, k) => sources.filter((_s, i) => i % threads === k));
  const parsed = await Promise.all(shares.map((share) => parseInChild(share, script)));
  return sources.map((_s, i) => parsed[i % threads]![Math.floor(i / threads)]!);
}

/**
 * Parses `sources` in a child process. Whatever it could not deliver (it failed to start, crashed or
 * was killed) is parsed here instead, so a failing child costs time, never entries.
 */
function parseInChild(sources: SourceFile[], script: string): Promise<Entry[]> {
  return new Promise((resolve) => {
    const out: Entry[] = [];
    const finish = () =>
      resolve(out.length >= sources.length ? out : [...out, ...sources.slice(out.length).map(parseEntry)]);
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const frames = frameReader((batch) => {
      for (const e of deserialize(batch) as Entry[]) out.push(e);
    });
    child.stdout.on('data', frames);
    child.on('error', () => undefined);
    child.stdin.on('error', () => undefined);
    child.on('close', finish);
    child.stdin.end(serialize(sources));
  });
}
