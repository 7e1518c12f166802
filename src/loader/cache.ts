/**
 * Parses content files once per content: each parsed entry is stored on disk under a hash of its
 * type and text, and later runs read it back instead of parsing again (node:v8 deserialisation is
 * about 30× faster than YAML + MDX parsing of a 500-word page). The cache lives in
 * `node_modules/.cache/playbook` (or `PLAYBOOK_CACHE_DIR`; `PLAYBOOK_CACHE=off` turns it off) and is
 * keyed by a fingerprint of the parsing code and the lock file, so a code or dependency change
 * starts a fresh cache. Results are identical to `parseEntry`; only the time differs.
 *
 * Entries are kept in pack files: each process that stores entries appends them to one pack of its
 * own, created for it, so two runs at once never write to the same file. One file per entry cost
 * a file creation per parsed file, and creating files is what a busy disk slows most: 10,000 of them
 * took 2–8 s of a cold lint (BENCHMARKS.md, "One pack file per run").
 *
 * An entry is trusted only when it proves what it is (§12): each record in a pack starts with a
 * header naming the parser fingerprint, the hash of the type and text it was parsed from, the hash
 * of the serialised entry that follows and its length. A record that is truncated, damaged, from
 * another parser or stored under another text's name (a swapped entry) is ignored, parsed again and
 * stored again; a pack is read up to its first record that is not whole, so a run killed halfway
 * through a write leaves the records before it usable and nothing after it trusted.
 *
 * When a run ends with more than `MAX_PACKS` packs, it merges them into one, keeping the entries it
 * used and those of packs other runs used in the last week, and removes the rest; packs no run has
 * used for a week are removed, and so are the folders of other parser versions.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  unlinkSync,
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

/** First words of every record's header; the number is the version of the pack format. */
const MAGIC = 'playbook-parse 2';

let fingerprint: string | undefined;

function parserFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(process.version).update(MAGIC);
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
  try {
    return sources.map((source) => cache.get(source) ?? cache.put(parseEntry(source)));
  } finally {
    cache.close(true);
  }
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
  try {
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
    for (const [i, index] of missing.entries())
      entries[index] = stored[i] ? parsed[i]! : cache.put(parsed[i]!);
    return { entries: entries as Entry[], cached: sources.length - missing.length };
  } finally {
    cache.close(true);
  }
}

/** A cache opened by one run. */
export interface Cache {
  /** The cached parse of a source, or undefined. */
  get(source: SourceFile): Entry | undefined;
  /** Stores a parsed entry (a read-only or full disk only costs speed) and returns it. */
  put(entry: Entry): Entry;
  /** Stores `serialize(parsedPart(entry))` under `source`; false when it could not be written. */
  store(source: SourceFile, payload: Uint8Array): boolean;
  /**
   * Closes the run's files. With `tidy`, also merges the packs when there are too many and removes
   * what no run used for a week; the run that asked for the entries does that, once they are all
   * stored (parse processes store theirs and leave it to that run).
   */
  close(tidy?: boolean): void;
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
 * The cache of `cacheDir` (none when undefined), for a process that parses files and stores them.
 * Its packs are read at the first `get`, so that one sees what other processes stored until then.
 */
export function openParseCache(cacheDir: string | undefined): Pick<Cache, 'get' | 'store' | 'close'> {
  return openCache(cacheDir);
}

/** What a record's header says of its payload: the hash of its source key and the payload. */
const recordSum = (key: string, payload: Uint8Array) =>
  createHash('sha256').update(key).update(payload).digest('hex');

/** The hash of what a file's parse depends on besides the parser: its type and its text. */
export function sourceKey(source: SourceFile): string {
  return createHash('sha256').update(source.type).update('\0').update(source.text!).digest('hex');
}

/**
 * Each record's header: `playbook-parse 2 <fingerprint> <source key> <sum> <length>\n`, where the
 * sum is the hash of the source key and the payload together, so that a payload under another
 * source's key fails it, and the length is the payload's, as 8 hex digits (entries are far below
 * 4 GiB: content files are at most a few MB).
 */
export const HEADER_BYTES = MAGIC.length + 1 + 16 + 1 + 64 + 1 + 64 + 1 + 8 + 1;

/** A record's header: fingerprint, source key, sum and length, as `recordHeader` writes them. */
const HEADER = new RegExp(`^${MAGIC} ([0-9a-f]{16}) ([0-9a-f]{64}) ([0-9a-f]{64}) ([0-9a-f]{8})\\n$`);

/** The header of the record that stores `payload` for the source with hash `key`. */
export function recordHeader(fingerprint: string, key: string, payload: Uint8Array): Buffer {
  const length = payload.length.toString(16).padStart(8, '0');
  return Buffer.from(`${MAGIC} ${fingerprint} ${key} ${recordSum(key, payload)} ${length}\n`, 'latin1');
}

export interface Header {
  key: string;
  sum: string;
  length: number;
}

/** The header in `bytes` (`HEADER_BYTES` long) when it is a record header of parser `fingerprint`. */
export function readHeader(bytes: Uint8Array, fingerprint: string): Header | undefined {
  if (bytes.length !== HEADER_BYTES) return undefined;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const match = HEADER.exec(header);
  if (!match || match[1] !== fingerprint) return undefined;
  return { key: match[2]!, sum: match[3]!, length: Number.parseInt(match[4]!, 16) };
}

/** A pack file as a run found it. */
interface Pack {
  path: string;
  fd: number;
  mtimeMs: number;
  /** This run read an entry from it. */
  read: boolean;
}

/** Where a record is: its pack, and its payload's offset. */
interface Located extends Header {
  pack: Pack;
  offset: number;
}

/** Packs beyond this many are merged into one by the run that finds them. */
export const MAX_PACKS = 8;
/** Packs and parser folders no run used for this long are removed. */
const UNUSED_MS = 7 * 24 * 60 * 60 * 1000;

const PACK = /\.pack$/;

/**
 * Opens every pack in `folder` and lists its whole records (later packs win for a key they share).
 * A pack is read up to its first record that is not whole: what follows a half-written record is
 * never trusted. Only the headers are read here; a payload is read, and checked, when it is asked for.
 */
function readPacks(folder: string, fingerprint: string): { packs: Pack[]; index: Map<string, Located> } {
  const packs: Pack[] = [];
  const index = new Map<string, Located>();
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => PACK.test(name))
      .sort();
  } catch {
    return { packs, index }; // No cache yet.
  }
  const head = Buffer.alloc(HEADER_BYTES);
  for (const name of names) {
    let fd: number;
    try {
      fd = openSync(join(folder, name), 'r');
    } catch {
      continue; // Removed by another run meanwhile.
    }
    const { size, mtimeMs } = fstatSync(fd);
    const pack: Pack = { path: join(folder, name), fd, mtimeMs, read: false };
    packs.push(pack);
    let at = 0;
    while (at + HEADER_BYTES <= size) {
      if (readSync(fd, head, 0, HEADER_BYTES, at) !== HEADER_BYTES) break;
      const header = readHeader(head, fingerprint);
      if (!header || at + HEADER_BYTES + header.length > size) break;
      index.set(header.key, { ...header, pack, offset: at + HEADER_BYTES });
      at += HEADER_BYTES + header.length;
    }
  }
  return { packs, index };
}

/** The payload of a record when it is whole and its hash matches its header, else undefined. */
function readPayload(record: Located): Buffer | undefined {
  try {
    const payload = Buffer.allocUnsafe(record.length);
    if (readSync(record.pack.fd, payload, 0, record.length, record.offset) !== record.length)
      return undefined;
    return recordSum(record.key, payload) === record.sum ? payload : undefined;
  } catch {
    return undefined;
  }
}

const closeQuietly = (fd: number) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
};

const tidied = new Set<string>();

/**
 * Removes the folders of parser versions no run used for a week, once per process, and marks
 * `current` as in use.
 */
export function tidyCache(cacheDir: string, current: string, now = Date.now()): void {
  if (tidied.has(cacheDir)) return;
  tidied.add(cacheDir);
  try {
    mkdirSync(current, { recursive: true });
    utimesSync(current, now / 1000, now / 1000);
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (!name.startsWith('parse-') || path === current) continue;
      try {
        if (now - statSync(path).mtimeMs > UNUSED_MS) rmSync(path, { recursive: true, force: true });
      } catch {
        // Gone already, or not ours to remove: it only costs disk space.
      }
    }
  } catch {
    // A missing or read-only cache folder: nothing to tidy.
  }
}

/**
 * Merges the packs of `folder` into one when there are more than `MAX_PACKS`, keeping the entries
 * whose keys are in `used` and those of recent packs this run read nothing from (another content
 * folder's); removes packs no run used for a week. `read` names the packs this run read from.
 * A pack another run creates meanwhile stays; one it is still writing may lose what it writes after
 * the merge read it, which only costs a parse.
 */
function compactPacks(
  folder: string,
  fingerprint: string,
  used: Set<string>,
  read: Set<string>,
  now: number,
): void {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => PACK.test(name));
  } catch {
    return;
  }
  const old = (path: string, mtimeMs: number) => now - mtimeMs > UNUSED_MS && !read.has(path);
  if (names.length <= MAX_PACKS) {
    for (const name of names) {
      const path = join(folder, name);
      try {
        if (old(path, statSync(path).mtimeMs)) removeQuietly(path);
      } catch {
        // Removed by another run meanwhile.
      }
    }
    return;
  }
  const { packs, index } = readPacks(folder, fingerprint);
  try {
    const readFrom = new Set<Pack>();
    for (const [key, record] of index) if (used.has(key)) readFrom.add(record.pack);
    const writer = packWriter(folder, fingerprint);
    for (const [key, record] of index) {
      const { pack } = record;
      const keep = used.has(key) || (!readFrom.has(pack) && !old(pack.path, pack.mtimeMs));
      const payload = keep ? readPayload(record) : undefined;
      if (payload && !writer.write(key, payload)) return; // Could not write: keep every pack as it is.
    }
    writer.close();
    for (const pack of packs) removeQuietly(pack.path);
  } finally {
    for (const pack of packs) closeQuietly(pack.fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Removed by another run already.
  }
}

/** Appends records to a pack of its own in `folder`, created on the first write. */
function packWriter(folder: string, fingerprint: string) {
  let fd: number | undefined;
  let broken = false;
  return {
    /** Appends one record; false when it could not (then nothing more is written to this pack). */
    write(key: string, payload: Uint8Array): boolean {
      if (broken) return false;
      try {
        if (fd === undefined) {
          mkdirSync(folder, { recursive: true });
          // A name no other writer uses: time, process and random bytes, created exclusively.
          const name = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}.pack`;
          fd = openSync(join(folder, name), 'wx');
        }
        const parts = [recordHeader(fingerprint, key, payload), payload];
        // One writev for header and payload: joining them into one buffer cost full garbage
        // collections while parsing (BENCHMARKS.md, "Garbage collection while parsing").
        if (writevSync(fd, parts) !== parts[0]!.length + payload.length) throw new Error('short write');
        return true;
      } catch {
        // A read-only or full disk only costs speed. A short write leaves a record that is not
        // whole, and readers stop there, so nothing more goes into this pack.
        broken = true;
        return false;
      }
    },
    close() {
      if (fd !== undefined) closeQuietly(fd);
      fd = undefined;
    },
  };
}

function openCache(cacheDir: string | undefined): Cache {
  if (!cacheDir) return { get: () => undefined, put: (entry) => entry, store: () => false, close: () => {} };
  const print = parserFingerprint();
  const folder = join(cacheDir, `parse-${print}`);
  tidyCache(cacheDir, folder);
  const writer = packWriter(folder, print);
  /** Keys this run asked for or stored. */
  const used = new Set<string>();
  const written = new Set<string>();
  let packs: ReturnType<typeof readPacks> | undefined;
  const store = (source: SourceFile, payload: Uint8Array): boolean => {
    if (source.text === undefined) return false;
    const key = sourceKey(source);
    used.add(key);
    if (written.has(key)) return true; // Two files with one text.
    const ok = writer.write(key, payload);
    if (ok) written.add(key);
    return ok;
  };
  return {
    get(source) {
      if (source.text === undefined) return undefined;
      const key = sourceKey(source);
      used.add(key);
      packs ??= readPacks(folder, print);
      const record = packs.index.get(key);
      const payload = record && readPayload(record);
      if (!payload) return undefined;
      record.pack.read = true;
      try {
        return entryFrom(source, payload);
      } catch {
        return undefined; // Proven whole, yet not a serialised entry: parse again.
      }
    },
    put(entry) {
      if (entry.text !== undefined) store(entry, serialize(parsedPart(entry)));
      return entry;
    },
    store,
    close(tidy = false) {
      writer.close();
      const now = Date.now();
      const read = new Set<string>();
      for (const pack of packs?.packs ?? []) {
        closeQuietly(pack.fd);
        if (!pack.read) continue;
        read.add(pack.path);
        try {
          utimesSync(pack.path, now / 1000, now / 1000); // In use: kept a week from now.
        } catch {
          // Removed by another run meanwhile.
        }
      }
      packs = undefined;
      if (tidy) compactPacks(folder, print, used, read, now);
    },
  };
}
