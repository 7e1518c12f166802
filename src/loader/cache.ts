/**
 * Parses content files once per content: each parsed entry is stored on disk under a hash of its
 * type and text, and later runs read it back instead of parsing again (node:v8 deserialisation is
 * about 30× faster than YAML + MDX parsing of a 500-word page). The cache lives in
 * `node_modules/.cache/playbook` (or `PLAYBOOK_CACHE_DIR`; `PLAYBOOK_CACHE=off` turns it off) and is
 * keyed by a fingerprint of the parsing code and the lock file, so a code or dependency change
 * starts a fresh cache. Results are identical to `parseEntry`; only the time differs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { type Entry, parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Files and folders whose code shapes a parsed entry, relative to the project root. */
const PARSER_CODE = [
  'src/core/parse',
  'src/schema',
  'src/core/graph/suggest.ts',
  'src/core/types.ts',
  'package-lock.json',
];

/** Every file under `path` (itself when it is a file), sorted, relative to the project root. */
function filesUnder(path: string): string[] {
  try {
    return readdirSync(join(ROOT, path), { recursive: true, encoding: 'utf8' })
      .map((f) => `${path}/${f.split(sep).join('/')}`)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort();
  } catch {
    return [path];
  }
}

/** The cache folder to use, or undefined when caching is off. */
export function parseCacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  if (/^(?:0|off|false|no)$/i.test(env.PLAYBOOK_CACHE ?? '')) return undefined;
  return resolve(env.PLAYBOOK_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'playbook'));
}

let fingerprint: string | undefined;

function parserFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(process.version);
  const files = PARSER_CODE.flatMap(filesUnder);
  for (const file of files) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(join(ROOT, file)));
    } catch {
      hash.update('(missing)');
    }
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

type Parsed = Omit<Entry, keyof SourceFile>;

/** Parses every source like `sources.map(parseEntry)`, through the cache when `cacheDir` is set. */
export function parseSources(sources: SourceFile[], cacheDir: string | undefined = parseCacheDir()): Entry[] {
  const cache = openCache(cacheDir);
  return sources.map((source) => cache.get(source) ?? cache.put(parseEntry(source)));
}

/**
 * Like `parseSources`, but hands every file the cache does not hold to `parseMany` at once (for
 * example worker threads on several cores), then stores what it returns. Order is kept.
 */
export async function parseSourcesWith(
  sources: SourceFile[],
  parseMany: (misses: SourceFile[]) => Promise<Entry[]>,
  cacheDir: string | undefined = parseCacheDir(),
): Promise<{ entries: Entry[]; cached: number }> {
  const cache = openCache(cacheDir);
  const entries: (Entry | undefined)[] = sources.map((source) => cache.get(source));
  const missing = sources.flatMap((_source, index) => (entries[index] ? [] : [index]));
  const parsed = missing.length ? await parseMany(missing.map((index) => sources[index]!)) : [];
  for (const [i, index] of missing.entries()) entries[index] = cache.put(parsed[i]!);
  return { entries: entries as Entry[], cached: sources.length - missing.length };
}

interface Cache {
  /** The cached parse of a source, or undefined. */
  get(source: SourceFile): Entry | undefined;
  /** Stores a parsed entry (a read-only or full disk only costs speed) and returns it. */
  put(entry: Entry): Entry;
}

function openCache(cacheDir: string | undefined): Cache {
  if (!cacheDir) return { get: () => undefined, put: (entry) => entry };
  const folder = join(cacheDir, `parse-${parserFingerprint()}`);
  const made = new Set<string>();
  const location = (source: SourceFile) => {
    const key = createHash('sha256').update(source.type).update('\0').update(source.text!).digest('hex');
    return { sub: join(folder, key.slice(0, 2)), file: join(folder, key.slice(0, 2), key.slice(2)) };
  };
  return {
    get(source) {
      if (source.text === undefined) return undefined;
      try {
        return { ...source, ...(deserialize(readFileSync(location(source).file)) as Parsed) } as Entry;
      } catch {
        return undefined; // Not cached yet, or unreadable.
      }
    },
    put(entry) {
      if (entry.text === undefined) return entry;
      try {
        const { sub, file } = location(entry);
        const {
          type: _type,
          id: _id,
          file: _file,
          path: _path,
          text: _text,
          readError: _readError,
          ...parsed
        } = entry;
        if (!made.has(sub)) {
          mkdirSync(sub, { recursive: true });
          made.add(sub);
        }
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, serialize(parsed));
        renameSync(temp, file);
      } catch {
        // A read-only or full disk only costs speed.
      }
      return entry;
    },
  };
}
