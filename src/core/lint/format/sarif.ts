import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../../types.ts';
import type { RuleModule } from '../rule.ts';

export interface SarifOptions {
  rules: RuleModule[];
  version: string;
  /** Base for rule help links, e.g. the repository's README URL. */
  helpBase?: string;
  /** The playbook repository, shown as the tool's home. */
  informationUri?: string;
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Types from @types/sarif. */
export function formatSarif(diagnostics: Diagnostic[], options: SarifOptions): string {
  const index = new Map<string, number>(options.rules.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = options.rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: r.docs },
    help: { text: r.docs },
    ...(options.helpBase ? { helpUri: `${options.helpBase}#${r.id}` } : {}),
    defaultConfiguration: { level: r.severity },
  }));
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.rule,
    ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
    level: d.severity,
    message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'playbook-lint',
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            semanticVersion: options.version,
            rules,
          },
        },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
