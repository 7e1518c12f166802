/**
 * Parses content files once per content: each parsed entry is stored on disk under a hash of its
 * type and text, and later runs read it back instead of parsing again (node:v8 deserialisation is
 * about 30× faster than YAML + MDX parsing of a 500-word page). The cache lives in
 * `node_modules/.cache/playbook` (or `PLAYBOOK_CACHE_DIR`; `PLAYBOOK_CACHE=off` turns it off) and is
 * keyed by a fingerprint of the parsing code and the lock file, so a code or dependency change
 * starts a fresh cache. Results are identical to `parseEntry`; only the time differs.
 *
 * An entry is trusted only when it proves what it is (§12): each file starts with a header naming
 * the parser fingerprint, the hash of the type and text it was parsed from, and the hash of the
 * serialised entry that follows. A file that is unreadable, truncated, damaged, from another parser
 * or stored under another text's name (a swapped entry) is ignored, parsed again and rewritten.
 * Writes go to a temporary file renamed into place, so a killed run or two runs at once leave either
 * a complete entry or none under an entry's name. Temporary files live in one folder, where those a
 * killed run left behind are removed after an hour; folders of other parser versions are removed
 * after a week without use.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writevSync,
} from 'node:fs';
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
  'src/core/words.ts',
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

/** Entries parsed elsewhere, with which of them that parser already stored in the cache itself. */
export interface StoredEntries {
  entries: Entry[];
  /** `stored[i]`: entry i is in the cache already (a parse process wrote it). */
  stored: boolean[];
}

/**
 * Like `parseSources`, but hands every file the cache does not hold to `parseMany` at once (for
 * example parse processes on several cores), then stores what it returns that is not stored yet.
 * `parseMany` gets the cache folder so that it can store entries itself. Order is kept.
 */
export async function parseSourcesWith(
  sources: SourceFile[],
  parseMany: (misses: SourceFile[], cacheDir: string | undefined) => Promise<Entry[] | StoredEntries>,
  cacheDir: string | undefined = parseCacheDir(),
): Promise<{ entries: Entry[]; cached: number }> {
  const cache = openCache(cacheDir);
  const entries: (Entry | undefined)[] = sources.map((source) => cache.get(source));
  const missing = sources.flatMap((_source, index) => (entries[index] ? [] : [index]));
  const result = missing.length
    ? await parseMany(
        missing.map((index) => sources[index]!),
        cacheDir,
      )
    : [];
  const parsed = Array.isArray(result) ? result : result.entries;
  const stored = Array.isArray(result) ? [] : result.stored;
  for (const [i, index] of missing.entries()) entries[index] = stored[i] ? parsed[i]! : cache.put(parsed[i]!);
  return { entries: entries as Entry[], cached: sources.length - missing.length };
}

interface Cache {
  /** The cached parse of a source, or undefined. */
  get(source: SourceFile): Entry | undefined;
  /** Stores a parsed entry (a read-only or full disk only costs speed) and returns it. */
  put(entry: Entry): Entry;
  /** Stores `serialize(parsedPart(entry))` under `source`; false when it could not be written. */
  store(source: SourceFile, payload: Uint8Array): boolean;
}

/** What an entry adds to its source: the part the cache stores. */
export function parsedPart(entry: Entry): Parsed {
  const {
    type: _type,
    id: _id,
    file: _file,
    path: _path,
    text: _text,
    readError: _readError,
    ...parsed
  } = entry;
  return parsed;
}

/** An entry from its source and its serialised parsed part, as the cache and parse processes hand it over. */
export function entryFrom(source: SourceFile, payload: Uint8Array): Entry {
  return { ...source, ...(deserialize(payload) as Parsed) } as Entry;
}

/**
 * The cache of `cacheDir` (none when undefined), for a process that parses files and stores them
 * itself: `store` writes the serialised parsed part of an entry.
 */
export function openParseCache(cacheDir: string | undefined): Pick<Cache, 'store'> {
  return openCache(cacheDir);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The hash of what a file's parse depends on besides the parser: its type and its text. */
export function sourceKey(source: SourceFile): string {
  return createHash('sha256').update(source.type).update('\0').update(source.text!).digest('hex');
}

/** First line of every entry file: `playbook-parse 1 <fingerprint> <source key> <payload hash>\n`. */
const MAGIC = 'playbook-parse 1';
const HEADER_BYTES = MAGIC.length + 1 + 16 + 1 + 64 + 1 + 64 + 1;

/** An entry file: the header, then the serialised entry. */
export function encodeEntry(fingerprint: string, key: string, payload: Uint8Array): Buffer {
  return Buffer.concat([entryHeader(fingerprint, key, payload), payload]);
}

function entryHeader(fingerprint: string, key: string, payload: Uint8Array): Buffer {
  return Buffer.from(`${MAGIC} ${fingerprint} ${key} ${sha256(payload)}\n`, 'latin1');
}

/**
 * Writes what `encodeEntry` returns to `file` without joining header and payload into one buffer:
 * every buffer counts towards V8's external memory, and a full garbage collection follows each
 * 64 MB of it, over the whole heap of parsed entries (BENCHMARKS.md, "Garbage collection while
 * parsing"). Throws when the file could not be written whole.
 */
function writeEntry(file: string, fingerprint: string, key: string, payload: Uint8Array): void {
  const parts = [entryHeader(fingerprint, key, payload), payload];
  const fd = openSync(file, 'w');
  try {
    const written = writevSync(fd, parts);
    if (written !== parts[0]!.length + payload.length) throw new Error(`short write to ${file}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The serialised entry in `bytes` when its header proves it was written by parser `fingerprint`
 * from the source with hash `key`, and the payload is whole; else undefined.
 */
export function decodeEntry(bytes: Uint8Array, fingerprint: string, key: string): Uint8Array | undefined {
  if (bytes.length <= HEADER_BYTES) return undefined;
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES)).toString('latin1');
  const [magic, version, print, source, sum] = header.slice(0, -1).split(' ');
  if (`${magic} ${version}` !== MAGIC || print !== fingerprint || source !== key) return undefined;
  const payload = bytes.subarray(HEADER_BYTES);
  return header.endsWith('\n') && sha256(payload) === sum ? payload : undefined;
}

/** Temporary files older than this were left by a run that was killed: nothing will rename them. */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;
/** Folders of another parser version unused for this long are removed. */
const STALE_FOLDER_MS = 7 * 24 * 60 * 60 * 1000;

const tidied = new Set<string>();
/** Writes so far in this process: with the process id, a temporary file name no other writer uses. */
let writes = 0;

/**
 * Removes what earlier runs left behind in `cacheDir`, once per process: temporary files of killed
 * writes and the folders of parser versions no longer in use. Marks `current` as in use.
 */
export function tidyCache(cacheDir: string, current: string, now = Date.now()): void {
  if (tidied.has(cacheDir)) return;
  tidied.add(cacheDir);
  const remove = (path: string, maxAge: number) => {
    try {
      if (now - statSync(path).mtimeMs > maxAge) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: it only costs disk space.
    }
  };
  try {
    mkdirSync(current, { recursive: true });
    utimesSync(current, now / 1000, now / 1000);
    for (const name of readdirSync(cacheDir))
      if (name.startsWith('parse-') && join(cacheDir, name) !== current)
        remove(join(cacheDir, name), STALE_FOLDER_MS);
    const temp = join(current, 'tmp');
    for (const name of readdirSync(temp)) remove(join(temp, name), TEMP_MAX_AGE_MS);
  } catch {
    // A missing or read-only cache folder: nothing to tidy.
  }
}

function openCache(cacheDir: string | undefined): Cache {
  if (!cacheDir) return { get: () => undefined, put: (entry) => entry, store: () => false };
  const print = parserFingerprint();
  const folder = join(cacheDir, `parse-${print}`);
  tidyCache(cacheDir, folder);
  const tempFolder = join(folder, 'tmp');
  const made = new Set<string>();
  const location = (key: string) => ({
    sub: join(folder, key.slice(0, 2)),
    file: join(folder, key.slice(0, 2), key.slice(2)),
  });
  const store = (source: SourceFile, payload: Uint8Array): boolean => {
    if (source.text === undefined) return false;
    let temp: string | undefined;
    try {
      const key = sourceKey(source);
      const { sub, file } = location(key);
      for (const dir of [sub, tempFolder])
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
      // A name of its own per writer (process and call), renamed over the entry's name when whole.
      temp = join(tempFolder, `${key}.${process.pid}-${++writes}.tmp`);
      writeEntry(temp, print, key, payload);
      renameSync(temp, file);
      return true;
    } catch {
      // A read-only or full disk only costs speed.
      try {
        if (temp) rmSync(temp, { force: true });
      } catch {
        // Nothing trusts a temporary file; a later run may overwrite it.
      }
      return false;
    }
  };
  return {
    get(source) {
      if (source.text === undefined) return undefined;
      try {
        const key = sourceKey(source);
        const payload = decodeEntry(readFileSync(location(key).file), print, key);
        return payload && entryFrom(source, payload);
      } catch {
        return undefined; // Not cached yet, unreadable, or not a serialised entry.
      }
    },
    put(entry) {
      if (entry.text !== undefined) store(entry, serialize(parsedPart(entry)));
      return entry;
    },
    store,
  };
}
