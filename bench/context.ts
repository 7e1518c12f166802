/** What every measurement needs: where the project and the scratch folder are, settings, a printer. */
import { join } from 'node:path';
import { CORPUS_TODAY } from './corpus/generate.ts';

export interface Bench {
  /** The project folder; commands run from here. */
  root: string;
  /** The scratch folder for corpora, outputs, caches and the Starlight site. */
  work: string;
  seed: number;
  /** Lint runs per size; the first is cold. */
  runs: number;
  /** Added to this process's environment for every command measured; `undefined` removes a variable. */
  env: Record<string, string | undefined>;
  /** Prints one line of progress. */
  say: (line: string) => void;
}

/** The environment every measured command gets: no telemetry or colour, the corpus's pinned date. */
export const CHILD_ENV = {
  ASTRO_TELEMETRY_DISABLED: '1',
  PLAYBOOK_TODAY: CORPUS_TODAY,
  PLAYBOOK_CONTENT_DIR: undefined,
  NO_COLOR: '1',
};

/** The Node binary this process runs on, which runs every command measured. */
export const NODE = process.execPath;

/** The path of a command's shell: `scripts/<name>.ts`. */
export const script = (b: Bench, name: string) => join(b.root, 'scripts', `${name}.ts`);
