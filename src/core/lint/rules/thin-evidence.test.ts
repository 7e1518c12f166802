import { describe, expect, test } from 'vitest';
import type { ConfigInput } from '../../../schema/index.ts';
import { cleanPlaybook, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './thin-evidence.ts';

// One ICP and one persona; the persona's `evidence` key is on line 16, `evidence.interviews` on line 17.
const personaFile = (overrides: Record<string, unknown>) => ({
  'icps/midmarket.mdx': cleanPlaybook()['icps/midmarket.mdx']!,
  'personas/analytics-alex.mdx': mdx(persona('midmarket', overrides)),
});

interface Invalid {
  name: string;
  overrides: Record<string, unknown>;
  config?: ConfigInput;
  line: number;
  column: number;
  message: string;
  hint: RegExp;
}

describe('thin-evidence', () => {
  test.each<{ name: string; overrides: Record<string, unknown>; config?: ConfigInput }>([
    { name: 'six interviews', overrides: {} },
    { name: 'exactly the minimum', overrides: { evidence: { interviews: 5 } } },
    { name: 'a lower minimum in playbook.yaml', overrides: { evidence: { interviews: 2 } }, config: { lint: { min_interviews: 2 } } },
    { name: 'no interviews when the minimum is 0', overrides: { evidence: undefined }, config: { lint: { min_interviews: 0 } } },
    { name: 'a retired persona with no evidence', overrides: { status: 'retired', evidence: undefined } },
    { name: 'a count written as text (schema reports it)', overrides: { evidence: { interviews: 'six' } } },
  ])('accepts $name', ({ overrides, config }) => {
    expect(run(personaFile(overrides), rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'two interviews',
      overrides: { evidence: { interviews: 2 } },
      line: 17,
      column: 3,
      message: 'Persona "analytics-alex" rests on 2 interviews, fewer than the 5 the playbook asks for.',
      hint: /Talk to more people in this role and update evidence\.interviews/,
    },
    {
      name: 'one interview in a draft',
      overrides: { status: 'draft', evidence: { interviews: 1, surveys: 300 } },
      line: 17,
      column: 3,
      message: 'Persona "analytics-alex" rests on 1 interview, fewer than the 5 the playbook asks for.',
      hint: /lint\.min_interviews/,
    },
    {
      name: 'zero interviews',
      overrides: { evidence: { interviews: 0 } },
      line: 17,
      column: 3,
      message: 'Persona "analytics-alex" rests on 0 interviews, fewer than the 5 the playbook asks for.',
      hint: /update evidence\.interviews/,
    },
    {
      name: 'six interviews under a higher minimum',
      overrides: {},
      config: { lint: { min_interviews: 8 } },
      line: 17,
      column: 3,
      message: 'Persona "analytics-alex" rests on 6 interviews, fewer than the 8 the playbook asks for.',
      hint: /update evidence\.interviews/,
    },
    {
      name: 'evidence without interviews, at the evidence key',
      overrides: { evidence: { sources: ['Win/loss notes'] } },
      line: 16,
      column: 1,
      message: 'Persona "analytics-alex" has no interviews recorded, so nothing shows it describes real buyers.',
      hint: /after talking to at least 5 people in this role, add "evidence: \{ interviews: <number>/i,
    },
    {
      name: 'no evidence at all, at 1:1',
      overrides: { evidence: undefined },
      line: 1,
      column: 1,
      message: 'Persona "analytics-alex" has no interviews recorded, so nothing shows it describes real buyers.',
      hint: /at least 5 people/,
    },
  ])('reports $name', ({ overrides, config, line, column, message, hint }) => {
    const diagnostics = run(personaFile(overrides), rule, { config });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/personas/analytics-alex.mdx', line, column, rule: 'thin-evidence', severity: 'warning', message });
    expect(diagnostics[0]!.hint).toMatch(hint);
  });
});
