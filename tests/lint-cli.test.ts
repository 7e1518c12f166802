import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { cli, ROOT, writePlaybook } from './helpers/cli.ts';
import { cleanPlaybook, mdx, persona } from './helpers/playbook.ts';

const TODAY = ['--today', '2026-11-22'];

function json(stdout: string) {
  return JSON.parse(stdout) as {
    diagnostics: Record<string, unknown>[];
    summary: { files: number; errors: number; warnings: number };
  };
}

describe('npm run lint', () => {
  const clean = writePlaybook(cleanPlaybook());
  const orphan = writePlaybook({
    ...cleanPlaybook(),
    'personas/lost-larry.mdx': mdx(persona('regional-bank', { name: 'Lost Larry' })),
  });
  const warnings = writePlaybook({
    ...cleanPlaybook(),
    'personas/thin-tom.mdx': mdx(persona('midmarket', { name: 'Thin Tom', evidence: { interviews: 1 } })),
  });

  test('exits 0 and prints a summary on a clean playbook', () => {
    const r = cli('lint', ['--content', clean, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 files checked, no problems/);
  });

  test('prints the JSON report of DESIGN §3 with paths relative to the working directory', () => {
    const r = cli('lint', ['--content', orphan, '--format', 'json', ...TODAY]);
    expect(r.status).toBe(1);
    const report = json(r.stdout);
    expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
    expect(report.summary).toEqual({ files: 4, errors: 2, warnings: 0 });
    const file = relative(ROOT, join(orphan, 'personas/lost-larry.mdx'));
    expect(report.diagnostics).toEqual([
      {
        file,
        line: 7,
        column: 1,
        rule: 'orphan-persona',
        severity: 'error',
        message: expect.stringContaining('belongs to no existing ICP'),
        hint: expect.any(String),
      },
      {
        file,
        line: 8,
        column: 5,
        rule: 'unknown-reference',
        severity: 'error',
        message: expect.stringContaining('regional-bank'),
        hint: expect.any(String),
      },
    ]);
    for (const d of report.diagnostics)
      expect(Object.keys(d).sort()).toEqual([
        'column',
        'file',
        'hint',
        'line',
        'message',
        'rule',
        'severity',
      ]);
  });

  test('pretty output groups by file and shows file:line:col severity rule message and the hint', () => {
    const r = cli('lint', ['--content', orphan, ...TODAY]);
    expect(r.status).toBe(1);
    const file = relative(ROOT, join(orphan, 'personas/lost-larry.mdx'));
    expect(r.stdout).toContain(`${file}\n  ${file}:7:1 error   orphan-persona Persona "lost-larry"`);
    expect(r.stdout).toMatch(/hint: /);
    expect(r.stdout).toMatch(/✖ 2 problems \(2 errors, 0 warnings\) in 4 files/);
  });

  test('github format prints one workflow command per finding', () => {
    const r = cli('lint', ['--content', orphan, '--format', 'github', ...TODAY]);
    expect(r.status).toBe(1);
    const file = relative(ROOT, join(orphan, 'personas/lost-larry.mdx'));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^::error file=${file.replace(/[.]/g, '\\.')},line=7,col=1,title=orphan-persona::Persona "lost-larry"`,
      ),
    );
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  test('sarif format is valid SARIF 2.1.0', () => {
    const r = cli('lint', ['--content', orphan, '--format', 'sarif', ...TODAY]);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(
      readFileSync(
        join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
        'utf8',
      ),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'orphan-persona',
      'unknown-reference',
    ]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(20);
  });

  test('warnings alone exit 0; more than --max-warnings exits 1', () => {
    expect(cli('lint', ['--content', warnings, ...TODAY]).status).toBe(0);
    expect(cli('lint', ['--content', warnings, '--max-warnings', '1', ...TODAY]).status).toBe(0);
    const r = cli('lint', ['--content', warnings, '--max-warnings', '0', ...TODAY]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Too many warnings/);
  });

  test('--today pins the date for date rules; PLAYBOOK_TODAY does too; --today wins', () => {
    const late = ['--today', '2027-06-01'];
    const stale = (r: { stdout: string }) =>
      json(r.stdout).diagnostics.filter((d) => d.rule === 'stale-review').length;
    expect(stale(cli('lint', ['--content', clean, '--format', 'json', ...late]))).toBeGreaterThan(0);
    expect(
      stale(cli('lint', ['--content', clean, '--format', 'json'], { env: { PLAYBOOK_TODAY: '2027-06-01' } })),
    ).toBeGreaterThan(0);
    expect(
      stale(
        cli('lint', ['--content', clean, '--format', 'json', ...TODAY], {
          env: { PLAYBOOK_TODAY: '2027-06-01' },
        }),
      ),
    ).toBe(0);
    // Before the content was reviewed: future-date errors.
    expect(
      json(
        cli('lint', ['--content', clean, '--format', 'json', '--today', '2026-01-01']).stdout,
      ).diagnostics.map((d) => d.rule),
    ).toContain('future-date');
  });

  test('--content wins over PLAYBOOK_CONTENT_DIR, which wins over content/', () => {
    expect(
      json(cli('lint', ['--format', 'json', ...TODAY], { env: { PLAYBOOK_CONTENT_DIR: orphan } }).stdout)
        .summary.files,
    ).toBe(4);
    expect(
      json(
        cli('lint', ['--content', clean, '--format', 'json', ...TODAY], {
          env: { PLAYBOOK_CONTENT_DIR: orphan },
        }).stdout,
      ).summary.files,
    ).toBe(3);
  });

  test.each([
    { name: 'an unknown flag', args: ['--bogus'], message: /Unknown option '--bogus'/ },
    { name: 'an unknown format', args: ['--format', 'xml'], message: /--format must be one of/ },
    { name: 'a bad --today', args: ['--today', '2026-02-30'], message: /--today must be a date/ },
    {
      name: 'a bad --max-warnings',
      args: ['--max-warnings', 'many'],
      message: /--max-warnings must be a whole number/,
    },
    {
      name: 'a missing content folder',
      args: ['--content', '/nonexistent/folder'],
      message: /Content folder not found/,
    },
  ])('exits 2 with a message on $name', ({ args, message }) => {
    const r = cli('lint', ['--content', clean, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test.each([
    { name: 'bad YAML', yaml: 'title: [unclosed\n', message: /playbook\.yaml:\d+:\d+: not valid YAML/ },
    { name: 'an unknown key', yaml: 'titel: Acme\n', message: /"titel" is not a known setting/ },
    { name: 'a wrong type', yaml: 'lint:\n  min_interviews: many\n', message: /"lint\.min_interviews"/ },
    { name: 'an unknown rule id', yaml: 'lint:\n  rules:\n    no-such-rule: off\n', message: /no-such-rule/ },
    {
      name: 'a bad rule level',
      yaml: 'lint:\n  rules:\n    schema: loud\n',
      message: /"lint\.rules\.schema"/,
    },
  ])('exits 2 naming the key on an invalid playbook.yaml with $name', ({ yaml, message }) => {
    const dir = writePlaybook({ ...cleanPlaybook(), 'playbook.yaml': yaml });
    const r = cli('lint', ['--content', dir, '--format', 'json', ...TODAY]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('rule levels in playbook.yaml turn rules off or change their severity', () => {
    const dir = writePlaybook({
      ...cleanPlaybook(),
      'personas/lost-larry.mdx': mdx(persona('nowhere')),
      'playbook.yaml': 'lint:\n  rules:\n    orphan-persona: warning\n    unknown-reference: "off"\n',
    });
    const r = cli('lint', ['--content', dir, '--format', 'json', ...TODAY]);
    expect(r.status).toBe(0);
    expect(json(r.stdout).diagnostics).toEqual([
      expect.objectContaining({ rule: 'orphan-persona', severity: 'warning' }),
    ]);
  });
});
