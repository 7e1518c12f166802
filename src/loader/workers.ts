/**
 * Parses content files on several cores: worker threads take a share of the files each and send
 * the parsed entries back in batches. With `threads` ≤ 1 or a small playbook the files are
 * parsed in place. The result is what `sources.map(parseEntry)` returns, in order.
 *
 * Each worker loads the whole parser (≈ 1 s) and has its own heap (≈ 0.3 GB more at peak), and the
 * main thread still deserialises every entry, so the gain on a 2-core machine is small and varies
 * with load (from ≈ 26 s to ≈ 14 s at 5,000 files on a quiet machine, none on a busy one). The
 * commands use it only when asked (`PLAYBOOK_PARSE_THREADS`); the parse cache is the larger win.
 */
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type Entry, parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';

const BATCH = 200;
const MIN_FILES = 400;
/** Heap per worker: parsing keeps one batch alive at a time, so a small old generation suffices. */
const WORKER_HEAP_MB = 320;

if (!isMainThread && (workerData as { parse?: SourceFile[] } | undefined)?.parse) {
  const sources = (workerData as { parse: SourceFile[] }).parse;
  for (let i = 0; i < sources.length; i += BATCH) {
    // v8 serialisation into a transferred buffer is much cheaper for the receiving thread than a
    // structured clone of thousands of syntax-tree objects.
    const bytes = serialize(sources.slice(i, i + BATCH).map(parseEntry));
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    parentPort!.postMessage(copy, [copy.buffer]);
  }
  parentPort!.postMessage(null);
}

export async function parseAll(sources: SourceFile[], threads = 1): Promise<Entry[]> {
  threads = Math.min(threads, availableParallelism());
  if (threads <= 1 || sources.length < MIN_FILES) return sources.map(parseEntry);
  const share = Math.ceil(sources.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => sources.slice(i * share, (i + 1) * share));
  const parsed = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<Entry[]>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { parse: chunk },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          const out: Entry[] = [];
          worker.on('message', (batch: Uint8Array | null) => {
            if (batch === null) {
              resolve(out);
              void worker.terminate();
            } else for (const e of deserialize(batch) as Entry[]) out.push(e);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0 && out.length < chunk.length)
              reject(new Error(`A parsing worker stopped early (exit code ${code}).`));
          });
        }),
    ),
  );
  return parsed.flat();
}
