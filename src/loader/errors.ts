/**
 * The errors a command turns into exit 2 with a clear message. Kept apart from the modules that
 * throw them so the CLI helpers can recognise them without loading the schema or git code.
 */

/** Raised for an unusable `playbook.yaml` or content folder: the CLI prints it and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A git problem the user can fix (no repository, unknown ref, git missing); exit 2. */
export class GitError extends Error {
  override name = 'GitError';
}
