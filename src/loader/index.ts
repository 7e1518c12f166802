/**
 * The only module that touches the file system: it finds content files, decodes them and reads
 * `playbook.yaml`. Everything it returns is plain data for src/core.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { scanYaml } from '../core/parse/prescan-yaml.ts';
import type { SourceFile } from '../core/types.ts';
import { type Config, configSchema, ENTRY_TYPES, TYPE_FOLDERS } from '../schema/index.ts';

import { ConfigError } from './errors.ts';

export { ConfigError };

export interface LoadedPlaybook {
  /** Absolute content folder. */
  dir: string;
  config: Config;
  /** `playbook.yaml` path when it exists. */
  configFile?: string;
  sources: SourceFile[];
  /** Things worth telling the user that are not findings on a file (an unreadable folder). */
  notices: string[];
}

export interface LoadOptions {
  /** Content folder from `--content`; wins over `PLAYBOOK_CONTENT_DIR`, which wins over `content`. */
  content?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function resolveContentDir(options: LoadOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  return resolve(cwd, options.content || env.PLAYBOOK_CONTENT_DIR || 'content');
}

/**
 * Decodes file bytes: strips a BOM, refuses binary data and invalid UTF-8. `isUtf8` checks what a
 * fatal TextDecoder checks, several times faster.
 */
export function decode(bytes: Uint8Array): { text?: string; readError?: string } {
  if (bytes.includes(0))
    return { readError: 'it contains binary data (a NUL byte), so it is not a text file' };
  if (!isUtf8(bytes)) return { readError: 'it is not valid UTF-8 text' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** A content file's text, or why it has none: what `SourceFile.text` and `readError` hold. */
export function readText(abs: string): Pick<SourceFile, 'text' | 'readError'> {
  let read: Pick<SourceFile, 'text' | 'readError'>;
  try {
    read = decode(readFileSync(abs));
  } catch (error) {
    return {
      readError: `it could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  if (read.text?.charCodeAt(0) === 0xfeff) read.text = read.text.slice(1);
  return read;
}

/** Reads every content file and the configuration. Throws ConfigError only for a bad `playbook.yaml` or a missing folder. */
export function loadPlaybook(options: LoadOptions = {}): LoadedPlaybook {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolveContentDir(options);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new ConfigError(
      `Content folder not found: ${relative(cwd, dir) || dir}. Pass --content DIR or set PLAYBOOK_CONTENT_DIR to a folder that holds icps/, personas/, glossary/ and guides/.`,
    );
  }
  const { config, file: configFile } = loadConfig(dir, cwd);
  const sources: SourceFile[] = [];
  const notices: string[] = [];
  for (const type of ENTRY_TYPES) {
    const folder = join(dir, TYPE_FOLDERS[type]);
    let names: string[];
    try {
      names = readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isFile() && d.name.endsWith('.mdx'))
        .map((d) => d.name)
        .sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        notices.push(
          `Skipped ${relative(cwd, folder)}: ${code === 'ELOOP' ? 'it is a symbolic link loop' : (error as Error).message}`,
        );
      continue;
    }
    for (const name of names) {
      const abs = join(folder, name);
      const source: SourceFile = {
        type,
        id: name.slice(0, -'.mdx'.length),
        file: relative(cwd, abs).split(sep).join('/'),
        path: `${TYPE_FOLDERS[type]}/${name}`,
      };
      Object.assign(source, readText(abs));
      sources.push(source);
    }
  }
  if (sources.length === 0) {
    const folders = ENTRY_TYPES.map((type) => `${TYPE_FOLDERS[type]}/`).join(', ');
    notices.push(
      `No playbook files in ${relative(cwd, dir) || '.'}: none of ${folders} holds an .mdx file there. If the playbook is elsewhere, pass --content DIR or set PLAYBOOK_CONTENT_DIR.`,
    );
  }
  return { dir, config, configFile, sources, notices };
}

/** Reads and validates `playbook.yaml`; a missing file gives the defaults. */
export function loadConfig(dir: string, cwd = process.cwd()): { config: Config; file?: string } {
  const file = join(dir, 'playbook.yaml');
  const shown = relative(cwd, file).split(sep).join('/');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: configSchema.parse({}) };
    throw new ConfigError(
      `${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  const decoded = decode(bytes);
  if (decoded.text === undefined) throw new ConfigError(`${shown}: ${decoded.readError}.`);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const tooComplex = scanYaml(text, 1, 'The file');
  if (tooComplex)
    throw new ConfigError(`${shown}:${tooComplex.line}:${tooComplex.column}: ${tooComplex.message}`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(`${shown}:${pos.line}:${pos.col}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents) && doc.contents !== null)
    throw new ConfigError(`${shown}: must be a set of "key: value" settings.`);
  let raw: unknown = {};
  try {
    if (doc.contents !== null) raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias without its anchor, or aliases that would expand beyond reason.
    throw new ConfigError(`${shown}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const keys =
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((k) => [...issue.path, k].join('.'))
          : [issue.path.join('.') || '(top level)'];
      const what = issue.code === 'unrecognized_keys' ? 'is not a known setting' : issue.message;
      return keys.map((k) => `${shown}: "${k}" ${what}`).join('\n');
    });
    throw new ConfigError(
      `${lines.join('\n')}\nSee the README section "playbook.yaml" for the settings and their types.`,
    );
  }
  return { config: result.data, file };
}
