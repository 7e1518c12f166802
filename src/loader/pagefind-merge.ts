/**
 * Merges Pagefind indexes built in several runs, each over a part of the site, into one index that
 * searches exactly as a single Pagefind run over all the pages would.
 *
 * Why: Pagefind's indexer holds every page's words several times over while it builds (≈ 0.35 MB
 * per page: 1.6 GB at 4,500 pages), and fewer threads do not lower that. A run of 600 pages stays
 * near 250 MB; ./search-index.ts runs them, and this module joins their output without Pagefind.
 *
 * What stays as one run would write it: the word postings (Pagefind computes them per page; only
 * page numbers move), the word counts, the filters, the metadata fields, and the index chunks with
 * their from/to prefixes (Pagefind's chunking, reproduced below, decides which words a query loads,
 * and so which prefix matches it finds). Results, scores and excerpts are therefore the same.
 *
 * What differs, on purpose:
 * - Pages are numbered in URL order. Pagefind numbers them in the order it meets the files, which
 *   is the file system's; results of equal score come in page order, so they now come in URL order,
 *   and the same site gives the same index on any machine, however it is split into runs.
 * - File names. Pagefind names each file by a 7-digit hash of its own content; here every file is
 *   named `<site>_<number in base 36>`, where `<site>` hashes the content of all of them. The
 *   metadata, fetched before any search, lists one name per page and per chunk: names that compress
 *   well make it 40 % smaller (35.1 → 20.9 kB gzip at 4,500 pages). A change to any page renames
 *   every file, so a cached file is never taken for another.
 *
 * The format is Pagefind's own (pagefind/src/index/*.rs, read by its WebAssembly): gzip over
 * "pagefind_dcd" + CBOR. Output from a Pagefind version outside PAGEFIND_FORMAT is refused with an
 * error rather than guessed at.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import { type Cbor, CborError, CborReader, CborWriter, decodeCbor, encodeCbor } from './cbor.ts';

/** The Pagefind release line whose index format this module reads and writes. */
export const PAGEFIND_FORMAT = '1.6';
/** Pagefind's own chunk size, in word locations (its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE default). */
export const PAGEFIND_CHUNK_SIZE = 20_000;
const SIGNATURE = Buffer.from('pagefind_dcd');
/**
 * zlib's default level. Pagefind compresses at its best; at zlib's best (9) the merge spends 4 s
 * more at 4,500 pages for files 2 % smaller (0.6 kB on the chunk "forecast" loads).
 */
const GZIP = { level: 6 };
const gzipAsync = promisify(gzip);
const ENTRY = 'pagefind-entry.json';

/** A Pagefind output this module cannot read, with the file and what was found. */
export class PagefindFormatError extends Error {
  constructor(file: string, problem: string) {
    super(
      `${file}: ${problem}. Merging split search indexes needs Pagefind ${PAGEFIND_FORMAT}.x's index format ` +
        `(src/loader/pagefind-merge.ts); install pagefind ${PAGEFIND_FORMAT}.x (npm ci), or check the format ` +
        'of the installed version and update that module.',
    );
    this.name = 'PagefindFormatError';
  }
}

interface PageEntry {
  hash: string;
  wordCount: number;
  /** Pagefind's fragment group (set only with its maxFragments option); always empty here. */
  group: string;
}
interface ChunkRef {
  from: string;
  to: string;
  hash: string;
}
interface Meta {
  version: string;
  pages: PageEntry[];
  chunks: ChunkRef[];
  filters: { filter: string; hash: string }[];
  sorts: number;
  fields: string[];
}
/** One page's locations of a word: page number (absolute), body locations, metadata locations. */
interface Placement {
  page: number;
  locs: number[];
  metaLocs: number[];
}
interface Word {
  word: string;
  pages: Placement[];
  variants: { form: string; pages: Placement[] }[];
}
interface Part {
  dir: string;
  language: string;
  entry: Record<string, unknown>;
  meta: Meta;
  /** This part's page numbers → merged page numbers. */
  pageNumbers: number[];
  /** This part's metadata field ids → merged ids. */
  fieldIds: number[];
}

export interface MergeResult {
  pages: number;
  chunks: number;
  words: number;
}

/**
 * Orders strings by code point, as Rust orders `String`s (and so as Pagefind sorts words). JavaScript's
 * `<` compares UTF-16 units, which puts characters above U+FFFF before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

const codeUnitRank = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

/** Pagefind's `get_prefixes`: the shortest prefixes that still tell the end of one chunk from the start of the next. */
function prefixes(a: string, b: string): [string, string] {
  const x = Array.from(a);
  const y = Array.from(b);
  let same = 0;
  while (same < x.length && same < y.length && x[same] === y[same]) same++;
  return [x.slice(0, same + 1).join(''), y.slice(0, same + 1).join('')];
}

const sha1 = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex');

/** Reads one of Pagefind's compressed CBOR files. */
function readCbor(file: string): Cbor {
  try {
    return decodeCbor(readSigned(file));
  } catch (error) {
    if (error instanceof CborError) throw new PagefindFormatError(file, `not valid CBOR: ${error.message}`);
    throw error;
  }
}

/** The CBOR bytes in one of Pagefind's files: gunzipped, after the signature. */
function readSigned(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(file));
  } catch (error) {
    throw new PagefindFormatError(file, `not readable as gzip (${(error as Error).message})`);
  }
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new PagefindFormatError(file, 'no "pagefind_dcd" signature after decompressing');
  }
  return bytes.subarray(SIGNATURE.length);
}

/** The URL in one of Pagefind's fragment files (`compressed`: gzip over the signature and JSON). */
function fragmentUrl(file: string, compressed: Buffer): string {
  let data: unknown;
  try {
    const bytes = gunzipSync(compressed);
    data = JSON.parse(
      bytes
        .subarray(bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? SIGNATURE.length : 0)
        .toString('utf8'),
    );
  } catch (error) {
    throw new PagefindFormatError(file, `not a readable fragment (${(error as Error).message})`);
  }
  const url = (data as { url?: unknown } | null)?.url;
  if (typeof url !== 'string') throw new PagefindFormatError(file, 'a fragment without a URL');
  return url;
}

/** Writes encoded CBOR the way Pagefind does: the signature, then gzip. */
function writeCbor(file: string, raw: Uint8Array): void {
  writeFileSync(file, gzipSync(Buffer.concat([SIGNATURE, raw]), GZIP));
}

/** Reads decoded CBOR against the shapes Pagefind writes; every mismatch names the file and the place. */
function reader(file: string) {
  const fail = (what: string, where: string): never => {
    throw new PagefindFormatError(file, `expected ${what} at ${where}`);
  };
  const array = (v: Cbor | undefined, where: string, min = 0): Cbor[] =>
    Array.isArray(v) && v.length >= min ? v : fail(`an array of at least ${min} items`, where);
  const text = (v: Cbor | undefined, where: string): string =>
    typeof v === 'string' ? v : fail('a text string', where);
  const int = (v: Cbor | undefined, where: string): number =>
    typeof v === 'number' ? v : fail('an integer', where);
  const ints = (v: Cbor | undefined, where: string): number[] => {
    const list = array(v, where);
    for (const x of list) if (typeof x !== 'number') fail('integers', where);
    return list as number[];
  };
  return { array, text, int, ints };
}

function parseMeta(file: string, value: Cbor): Meta {
  const r = reader(file);
  const top = r.array(value, 'the top level', 5);
  return {
    version: r.text(top[0], 'the version'),
    pages: r.array(top[1], 'pages').map((p, i) => {
      const t = r.array(p, `page ${i}`, 2);
      const group = t.length > 2 ? r.text(t[2], `page ${i}`) : '';
      return { hash: r.text(t[0], `page ${i}`), wordCount: r.int(t[1], `page ${i}`), group };
    }),
    chunks: r.array(top[2], 'index chunks').map((c, i) => {
      const t = r.array(c, `index chunk ${i}`, 3);
      const at = `index chunk ${i}`;
      return { from: r.text(t[0], at), to: r.text(t[1], at), hash: r.text(t[2], at) };
    }),
    filters: r.array(top[3], 'filters').map((f, i) => {
      const t = r.array(f, `filter ${i}`, 2);
      return { filter: r.text(t[0], `filter ${i}`), hash: r.text(t[1], `filter ${i}`) };
    }),
    sorts: r.array(top[4], 'sorts').length,
    fields: top.length > 5 ? r.array(top[5], 'metadata fields').map((f, i) => r.text(f, `field ${i}`)) : [],
  };
}

function readPart(dir: string): Omit<Part, 'pageNumbers' | 'fieldIds'> | undefined {
  const entryFile = join(dir, ENTRY);
  let entry: { version?: unknown; languages?: Record<string, { hash?: unknown }> };
  try {
    entry = JSON.parse(readFileSync(entryFile, 'utf8'));
  } catch (error) {
    throw new PagefindFormatError(entryFile, `not readable (${(error as Error).message})`);
  }
  if (typeof entry.version !== 'string' || !entry.version.startsWith(`${PAGEFIND_FORMAT}.`)) {
    throw new PagefindFormatError(entryFile, `written by Pagefind ${String(entry.version)}`);
  }
  const languages = Object.entries(entry.languages ?? {});
  // A run whose pages had no words writes no language: nothing to merge.
  if (languages.length === 0) return undefined;
  if (languages.length > 1) {
    throw new PagefindFormatError(entryFile, `one language per run expected, found ${languages.length}`);
  }
  const [language, info] = languages[0]!;
  if (typeof info.hash !== 'string') throw new PagefindFormatError(entryFile, 'no metadata hash');
  const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
  const meta = parseMeta(metaFile, readCbor(metaFile));
  if (!meta.version.startsWith(`${PAGEFIND_FORMAT}.`)) {
    throw new PagefindFormatError(metaFile, `written by Pagefind ${meta.version}`);
  }
  if (meta.sorts > 0) {
    throw new PagefindFormatError(
      metaFile,
      'sort orders (data-pagefind-sort), which split runs cannot merge',
    );
  }
  const grouped = meta.pages.find((p) => p.group !== '');
  if (grouped)
    throw new PagefindFormatError(metaFile, `fragment groups (page ${grouped.hash}); unset maxFragments`);
  return { dir, language, entry, meta };
}

/** A part's words in order, one index chunk in memory at a time, with merged page numbers. */
function* partWords(part: Part): Generator<Word> {
  let last: string | undefined;
  for (const chunk of part.meta.chunks) {
    const file = join(part.dir, 'index', `${chunk.hash}.pf_index`);
    for (const word of readWordChunk(file, part)) {
      if (last !== undefined && compareCodePoints(last, word.word) >= 0) {
        throw new PagefindFormatError(file, `words out of order ("${last}" before "${word.word}")`);
      }
      last = word.word;
      yield word;
    }
  }
}

/**
 * One index chunk: `[[word, pages, variants]…]`, each page `[page delta, locations, metadata
 * locations]`, each variant `[form, pages]`. Read item by item (chunks are most of the index);
 * fields a later format may add after these are skipped.
 */
function readWordChunk(file: string, part: Part): Word[] {
  const r = new CborReader(readSigned(file));
  const fields = (min: number, what: string) => {
    const n = r.array();
    if (n < min) throw new CborError(`${what} with ${n} fields, fewer than ${min}`, r.position);
    return n;
  };
  const skip = (n: number, used: number) => {
    for (let i = used; i < n; i++) r.item();
  };
  const placements = (): Placement[] => {
    const out = new Array<Placement>(r.array());
    let local = 0;
    for (let i = 0; i < out.length; i++) {
      const n = fields(2, 'a page entry');
      local += r.int();
      const page = part.pageNumbers[local];
      if (page === undefined) throw new CborError(`page ${local}, beyond the metadata's pages`, r.position);
      const locs = r.ints();
      const metaLocs = n > 2 ? remapFields(r.ints(), part.fieldIds) : [];
      skip(n, 3);
      out[i] = { page, locs, metaLocs };
    }
    return out;
  };
  try {
    const top = fields(1, 'a chunk');
    const words = new Array<Word>(r.array());
    for (let i = 0; i < words.length; i++) {
      const n = fields(2, 'a word');
      const word = r.string();
      const pages = placements();
      const variants = new Array<Word['variants'][number]>(n > 2 ? r.array() : 0);
      for (let j = 0; j < variants.length; j++) {
        const m = fields(2, 'a variant');
        variants[j] = { form: r.string(), pages: placements() };
        skip(m, 2);
      }
      skip(n, 3);
      words[i] = { word, pages, variants };
    }
    skip(top, 1);
    r.end();
    return words;
  } catch (error) {
    if (error instanceof CborError) throw new PagefindFormatError(file, `not a word index: ${error.message}`);
    throw error;
  }
}

/** Metadata locations mark a switch to field `id` as `-(id + 1)`; the merged field list renumbers them. */
function remapFields(metaLocs: number[], fieldIds: number[]): number[] {
  if (fieldIds.every((id, i) => id === i)) return metaLocs;
  return metaLocs.map((x) => (x < 0 ? -(fieldIds[-x - 1]! + 1) : x));
}

/** The same word from another part: pages join, variants join by form. */
function joinWord(into: Word, from: Word): Word {
  into.pages.push(...from.pages);
  for (const v of from.variants) {
    const same = into.variants.find((x) => x.form === v.form);
    if (same) same.pages.push(...v.pages);
    else into.variants.push(v);
  }
  return into;
}

const byPage = (a: Placement, b: Placement) => a.page - b.page;
/** Sorts by page unless already in order, as it nearly always is (runs cover consecutive URLs). */
function sortPages(pages: Placement[]): void {
  for (let i = 1; i < pages.length; i++) {
    if (pages[i - 1]!.page > pages[i]!.page) {
      pages.sort(byPage);
      return;
    }
  }
}

/**
 * Puts a word's pages in merged page order, and its variants in the order one run lists them: by the
 * first page each appears on, then by form (Pagefind adds a page's variants in form order).
 */
function orderWord(word: Word): Word {
  sortPages(word.pages);
  for (const v of word.variants) sortPages(v.pages);
  word.variants.sort((a, b) => a.pages[0]!.page - b.pages[0]!.page || compareCodePoints(a.form, b.form));
  return word;
}

/** A word as Pagefind writes it, page numbers as deltas within each list. */
function writeWord(out: CborWriter, word: Word): void {
  const placements = (pages: Placement[]) => {
    out.array(pages.length);
    let previous = 0;
    for (const p of pages) {
      out
        .array(3)
        .int(p.page - previous)
        .ints(p.locs)
        .ints(p.metaLocs);
      previous = p.page;
    }
  };
  out.array(3).string(word.word);
  placements(word.pages);
  out.array(word.variants.length);
  for (const v of word.variants) {
    out.array(2).string(v.form);
    placements(v.pages);
  }
}

/** Runs at most `limit` tasks at once; `drain()` waits for the rest. */
function taskPool(limit: number) {
  const running = new Set<Promise<void>>();
  return {
    async add(task: () => Promise<void>): Promise<void> {
      if (running.size >= limit) await Promise.race(running);
      const p: Promise<void> = task().finally(() => running.delete(p));
      running.add(p);
    },
    drain: () => Promise.all(running),
  };
}

export interface MergeOptions {
  /** Word locations per index chunk; Pagefind's default unless a test needs small chunks. */
  chunkSize?: number;
  /** Move the fragment files out of the parts instead of copying them (the parts are spent). */
  move?: boolean;
}

/**
 * Merges the Pagefind outputs in `partDirs` into `target`, which is replaced. Returns the merged
 * page, chunk and word counts.
 */
export async function mergePagefindIndexes(
  partDirs: string[],
  target: string,
  options: MergeOptions = {},
): Promise<MergeResult> {
  if (partDirs.length === 0) throw new Error('mergePagefindIndexes: no Pagefind output to merge');
  const chunkSize = options.chunkSize ?? PAGEFIND_CHUNK_SIZE;
  rmSync(target, { recursive: true, force: true });

  const found = partDirs.map(readPart).filter((p) => p !== undefined);
  if (found.length === 0) {
    // No page had words: the first run's output (runtime, empty entry) is the whole index.
    cpSync(partDirs[0]!, target, { recursive: true });
    return { pages: 0, chunks: 0, words: 0 };
  }
  const language = found[0]!.language;
  const other = found.find((p) => p.language !== language);
  if (other) {
    throw new PagefindFormatError(join(other.dir, ENTRY), `language ${other.language}, not ${language}`);
  }
  const fields = [...new Set(found.flatMap((p) => p.meta.fields))].sort(compareCodePoints);
  // Pages in URL order, whatever order each run read its files in (Pagefind takes the file system's):
  // the same site always gives the same index, and results of equal score always come in URL order.
  const listed = found.flatMap((p, part) =>
    p.meta.pages.map((page, local) => {
      const file = join(p.dir, 'fragment', `${page.hash}.pf_fragment`);
      const bytes = readFileSync(file);
      return { part, local, page, file, bytes, url: fragmentUrl(file, bytes) };
    }),
  );
  listed.sort((a, b) => compareCodePoints(a.url, b.url));
  for (const [n, page] of listed.entries()) {
    if (n > 0 && listed[n - 1]!.url === page.url) {
      throw new PagefindFormatError(page.file, `a second page for ${page.url}`);
    }
  }
  const parts: Part[] = found.map((p) => ({
    ...p,
    pageNumbers: new Array<number>(p.meta.pages.length),
    fieldIds: p.meta.fields.map((f) => fields.indexOf(f)),
  }));
  for (const [n, { part, local }] of listed.entries()) parts[part]!.pageNumbers[local] = n;

  for (const dir of ['fragment', 'index', 'filter']) mkdirSync(join(target, dir), { recursive: true });
  // The runtime, its WebAssembly and Pagefind's own UIs are the same in every run.
  const first = parts[0]!;
  for (const name of readdirSync(first.dir)) {
    if (name === ENTRY || name.endsWith('.pf_meta') || ['fragment', 'index', 'filter'].includes(name))
      continue;
    const from = join(first.dir, name);
    cpSync(from, join(target, name), { recursive: statSync(from).isDirectory() });
  }
  // Every file is named after a hash of all of them (`site`) and its number: see the top of this file.
  const site = createHash('sha1');

  // Words: merged in order across parts, cut into chunks as Pagefind cuts them. Chunks are
  // compressed on libuv's threads while the merge goes on.
  const pool = taskPool(4);
  const chunks: ChunkRef[] = [];
  let words = 0;
  let pending: Word[] = [];
  let pendingSize = 0;
  const flush = async () => {
    const out = new CborWriter().array(1).array(pending.length);
    for (const word of pending) writeWord(out, word);
    const raw = out.bytes();
    site.update(raw);
    const file = join(target, 'index', `${chunks.length}.pf_index`);
    chunks.push({ from: pending[0]!.word, to: pending.at(-1)!.word, hash: '' });
    pending = [];
    pendingSize = 0;
    await pool.add(async () => writeFileSync(file, await gzipAsync(Buffer.concat([SIGNATURE, raw]), GZIP)));
  };
  const streams = parts.map(partWords);
  const heads = streams.map((s) => s.next());
  for (;;) {
    let least: string | undefined;
    for (const h of heads) {
      if (!h.done && (least === undefined || compareCodePoints(h.value.word, least) < 0))
        least = h.value.word;
    }
    if (least === undefined) break;
    let word: Word | undefined;
    for (const [i, h] of heads.entries()) {
      if (h.done || h.value.word !== least) continue;
      word = word ? joinWord(word, h.value) : h.value;
      heads[i] = streams[i]!.next();
    }
    words++;
    pending.push(orderWord(word!));
    for (const p of word!.pages) pendingSize += p.locs.length + p.metaLocs.length + 1;
    if (pendingSize >= chunkSize) await flush();
  }
  if (pending.length) await flush();
  await pool.drain();
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [to, from] = prefixes(chunks[i]!.to, chunks[i + 1]!.from);
    if (compareCodePoints(to, chunks[i]!.from) >= 0) chunks[i]!.to = to;
    chunks[i + 1]!.from = from;
  }

  // Filters: values → pages, in name and value order.
  const filters = new Map<string, Map<string, number[]>>();
  for (const part of parts) {
    for (const { hash } of part.meta.filters) {
      const file = join(part.dir, 'filter', `${hash}.pf_filter`);
      const r = reader(file);
      const top = r.array(readCbor(file), 'the top level', 2);
      const name = r.text(top[0], 'the filter name');
      const values = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, values);
      for (const [i, v] of r.array(top[1], 'values').entries()) {
        const t = r.array(v, `value ${i}`, 2);
        const value = r.text(t[0], `value ${i}`);
        const list = values.get(value) ?? [];
        for (const page of r.ints(t[1], `value ${value}`)) {
          const merged = part.pageNumbers[page];
          if (merged === undefined)
            throw new PagefindFormatError(file, `page ${page} beyond the metadata's pages`);
          list.push(merged);
        }
        values.set(value, list);
      }
    }
  }
  const filterRaws = [...filters.keys()].sort(compareCodePoints).map((name) => {
    const values = [...filters.get(name)!].sort(([a], [b]) => compareCodePoints(a, b));
    for (const [, pages] of values) pages.sort((a, b) => a - b);
    const raw = encodeCbor([name, values]);
    site.update(raw);
    return { name, raw };
  });

  // Fragments go as Pagefind compressed them; their bytes go into the site hash too.
  for (const { page, bytes } of listed) site.update(`${page.wordCount}\n`).update(bytes);
  const id = site.digest('hex').slice(0, 8);
  const name = (n: number) => `${id}_${n.toString(36)}`;

  const pages: Cbor[] = listed.map(({ page, file, bytes }, n) => {
    const to = join(target, 'fragment', `${name(n)}.pf_fragment`);
    if (!options.move) writeFileSync(to, bytes);
    else {
      try {
        renameSync(file, to);
      } catch {
        writeFileSync(to, bytes);
      }
    }
    return [name(n), page.wordCount, ''];
  });
  for (const [n, chunk] of chunks.entries()) {
    chunk.hash = name(n);
    renameSync(join(target, 'index', `${n}.pf_index`), join(target, 'index', `${chunk.hash}.pf_index`));
  }
  const filterRefs: Cbor[] = filterRaws.map(({ name: filter, raw }, n) => {
    writeCbor(join(target, 'filter', `${name(n)}.pf_filter`), raw);
    return [filter, name(n)];
  });

  const meta: Cbor = [
    first.meta.version,
    pages,
    chunks.map((c) => [c.from, c.to, c.hash]),
    filterRefs,
    [],
    fields,
  ];
  const metaRaw = encodeCbor(meta);
  const metaHash = `${language}_${sha1(metaRaw).slice(0, language.length + 8)}`;
  writeCbor(join(target, `pagefind.${metaHash}.pf_meta`), metaRaw);
  const languages = first.entry.languages as Record<string, Record<string, unknown>>;
  const entry = {
    ...first.entry,
    languages: { [language]: { ...languages[language], hash: metaHash, page_count: pages.length } },
  };
  writeFileSync(join(target, ENTRY), JSON.stringify(entry));
  return { pages: pages.length, chunks: chunks.length, words };
}
