import { describe, expect, test } from 'vitest';
import { cleanPlaybook, finding, findings, mdx, persona, run } from '../../../../tests/helpers/playbook.ts';
import type { ConfigInput } from '../../../schema/index.ts';
import { rule } from './thin-evidence.ts';

// One ICP and one persona; the persona's `evidence` key is on line 16, `evidence.interviews` on line 17.
const personaFile = (overrides: Record<string, unknown>) => ({
  'icps/midmarket.mdx': cleanPlaybook()['icps/midmarket.mdx']!,
  'personas/analytics-alex.mdx': mdx(persona('midmarket', overrides)),
});

interface Invalid {
  messageId: string;
  name: string;
  overrides: Record<string, unknown>;
  config?: ConfigInput;
  line: number;
  column: number;
  /** Values the message and hint give: the interviews counted, the minimum. */
  says: string[];
}

describe('thin-evidence', () => {
  test.each<{ name: string; overrides: Record<string, unknown>; config?: ConfigInput }>([
    { name: 'six interviews', overrides: {} },
    { name: 'exactly the minimum', overrides: { evidence: { interviews: 5 } } },
    {
      name: 'a lower minimum in playbook.yaml',
      overrides: { evidence: { interviews: 2 } },
      config: { lint: { min_interviews: 2 } },
    },
    {
      name: 'no interviews when the minimum is 0',
      overrides: { evidence: undefined },
      config: { lint: { min_interviews: 0 } },
    },
    { name: 'a retired persona with no evidence', overrides: { status: 'retired', evidence: undefined } },
    { name: 'a count written as text (schema reports it)', overrides: { evidence: { interviews: 'six' } } },
  ])('accepts $name', ({ overrides, config }) => {
    expect(run(personaFile(overrides), rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'few',
      name: 'two interviews',
      overrides: { evidence: { interviews: 2 } },
      line: 17,
      column: 3,
      says: ['2 interviews', ' 5 '],
    },
    {
      messageId: 'few',
      name: 'one interview in a draft',
      overrides: { status: 'draft', evidence: { interviews: 1, surveys: 300 } },
      line: 17,
      column: 3,
      says: [' 1 interview,', ' 5 '],
    },
    {
      messageId: 'few',
      name: 'zero interviews',
      overrides: { evidence: { interviews: 0 } },
      line: 17,
      column: 3,
      says: ['0 interviews'],
    },
    {
      messageId: 'few',
      name: 'six interviews under a higher minimum',
      overrides: {},
      config: { lint: { min_interviews: 8 } },
      line: 17,
      column: 3,
      says: ['6 interviews', ' 8 '],
    },
    {
      messageId: 'none',
      name: 'evidence without interviews, at the evidence key',
      overrides: { evidence: { sources: ['Win/loss notes'] } },
      line: 16,
      column: 1,
      says: [],
    },
    {
      messageId: 'none',
      name: 'no evidence at all, at 1:1',
      overrides: { evidence: undefined },
      line: 1,
      column: 1,
      says: [],
    },
  ])('reports $name ($messageId)', ({ messageId, overrides, config, line, column, says }) => {
    const files = personaFile(overrides);
    const expected = finding(rule, 'personas/analytics-alex.mdx', messageId, line, column);
    expect(findings(files, rule, { config })).toEqual([expected]);
    const [diagnostic] = run(files, rule, { config });
    expect(diagnostic!.message).toContain('"analytics-alex"');
    for (const value of says) expect(diagnostic!.message).toContain(value);
  });

  test('names the minimum in the advice when no interviews are recorded', () => {
    expect(run(personaFile({ evidence: undefined }), rule)[0]!.hint).toContain(' 5 ');
  });
});
