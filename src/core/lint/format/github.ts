import type { Diagnostic } from '../../types.ts';

// Escaping as GitHub's workflow-command parser expects (actions/toolkit, command.ts).
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding. */
export function formatGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${d.severity} ${props}::${escapeData(text)}`;
    })
    .join('\n');
}
