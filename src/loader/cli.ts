/**
 * The one command-line helper every shell in scripts/ uses: argument parsing, `--help`, today's
 * date, notices, and exit codes. A command is declared once (usage text and options) and its body
 * returns an exit code; usage and configuration errors become exit 2 with a clear message.
 */
import { enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isCalendarDate } from '../schema/dates.ts';
import { ConfigError, GitError } from './errors.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with the usage text, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv; unknown flags and missing values become a UsageError. */
export function parse<T extends Options>(options: T, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs a command body, turning usage and configuration errors into exit 2 with a clear message. */
export async function main(usage: string, body: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    process.exitCode = EXIT_USAGE;
    if (error instanceof UsageError || error instanceof GitError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
    } else if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
    } else {
      const what = (error as Error).stack ?? String(error);
      process.stderr.write(`Unexpected failure: ${what}\nPlease report this with the command you ran.\n`);
    }
  }
}

/** A `YYYY-MM-DD` flag or variable, validated; `name` says where it came from in the error. */
export function isoDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) {
    throw new UsageError(`${name} must be a date written YYYY-MM-DD, got "${value}".`);
  }
  return value;
}

/**
 * The date rules compare against (DESIGN §8.5): `--today`, else `PLAYBOOK_TODAY`, else the clock
 * (UTC). Both the flag and the variable are validated.
 */
export function resolveToday(
  flag: string | undefined,
  env: Record<string, string | undefined> = process.env,
) {
  return (
    isoDateOption(flag, '--today') ??
    isoDateOption(env.PLAYBOOK_TODAY, 'PLAYBOOK_TODAY') ??
    new Date().toISOString().slice(0, 10)
  );
}

/** Standard output and error, one line at a time. */
export const say = (line: string) => process.stdout.write(`${line}\n`);
export const warn = (line: string) => process.stderr.write(`${line}\n`);

/** Things worth telling the user that are not findings (a skipped folder), on stderr. */
export function notify(notices: readonly string[]): void {
  for (const notice of notices) warn(notice);
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export interface CommandSpec<T extends Options> {
  usage: string;
  options: T;
  /** Whether the command takes positional arguments (its body checks them); otherwise any is an error. */
  positionals?: boolean;
}

/** Where Node keeps compiled code between runs, unless `NODE_COMPILE_CACHE` says elsewhere. */
export const COMPILE_CACHE_DIR = join(
  resolve(import.meta.dirname, '..', '..'),
  'node_modules',
  '.cache',
  'node-compile',
);

/**
 * Turns on Node's compile cache for every module loaded from here on: a command imports its heavy
 * parts (Astro, Vite, the build's stages) on demand, and the next run reads their compiled code
 * back instead of compiling it again (about 3 s of a 1,000-page build, BENCHMARKS.md). It holds
 * code of this project and its dependencies only, checked against their source by Node; never
 * content. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
function useCompileCache(): void {
  try {
    enableCompileCache?.(process.env.NODE_COMPILE_CACHE || COMPILE_CACHE_DIR);
  } catch {
    // An unwritable folder only costs speed.
  }
}

/**
 * Declares and runs a command: parses argv with `options` (plus `--help`), prints the usage on
 * `--help`, rejects extra arguments, and runs `body` with the parsed values.
 */
export function command<T extends Options>(
  spec: CommandSpec<T>,
  body: (args: ReturnType<typeof parse<T & typeof HELP>>) => Promise<number> | number,
): Promise<void> {
  useCompileCache();
  return main(spec.usage, () => {
    const args = parse<T & typeof HELP>({ ...spec.options, ...HELP });
    if ((args.values as { help?: boolean }).help) {
      say(spec.usage);
      return EXIT_OK;
    }
    const extra = args.positionals[0];
    if (extra !== undefined && !spec.positionals) throw new UsageError(`Unexpected argument "${extra}".`);
    return body(args);
  });
}

/** Checks a `--format` value against the formats a command supports. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (!formats.includes(value as F)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}, got "${value}".`);
  }
  return value as F;
}
