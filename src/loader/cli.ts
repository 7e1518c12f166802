/** Shared plumbing for the command-line shells: argument parsing, exit codes, error printing. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from './index.ts';
import { isCalendarDate } from '../schema/index.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses argv; unknown flags and missing values become a UsageError. */
export function parse<T extends ParseArgsConfig['options']>(options: T, argv = process.argv.slice(2)) {
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
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      process.stderr.write(`Unexpected failure: ${(error as Error).stack ?? String(error)}\nPlease report this with the command you ran.\n`);
      process.exitCode = EXIT_USAGE;
    }
  }
}

export function isoDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw new UsageError(`${name} must be a date written YYYY-MM-DD, got "${value}".`);
  }
  return value;
}
