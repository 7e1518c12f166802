import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type CmsField, cmsConfig } from '../../core/export/cms-config.ts';
import { configSchema, icpSchema } from '../../schema/index.ts';
import {
  type CriterionOptions,
  fromDraft,
  fromDrafts,
  operatorsFor,
  toDraft,
  toDrafts,
  withField,
} from './criterion.ts';

// The options the widget gets are the ones the generated config.yml gives it.
const generated = cmsConfig({ config: configSchema.parse({ repo_url: 'https://github.com/acme/playbook' }) });
if (!generated.ok) throw new Error(generated.reason);
const icps = generated.config.collections.find((c) => c.name === 'icps')!;
const field = (name: string) => icps.fields.find((f) => f.name === name) as CmsField;
const MUST_HAVE = field('must_haves') as unknown as CriterionOptions;
const SCORING = (field('scoring').fields as CmsField[]).find(
  (f) => f.name === 'rules',
) as unknown as CriterionOptions;

const ICP_DIR = join(import.meta.dirname, '..', '..', '..', 'content', 'icps');
const criteria = readdirSync(ICP_DIR).flatMap((file) => {
  const text = readFileSync(join(ICP_DIR, file), 'utf8');
  const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, never>;
  const icp = icpSchema.parse(data);
  return [
    ...[...icp.must_haves, ...icp.deal_breakers].map((c) => [file, c, MUST_HAVE] as const),
    ...(icp.scoring?.rules ?? []).map((c) => [file, c, SCORING] as const),
  ];
});

describe('criterion drafts', () => {
  test('the example playbook has sentences, rules of every operator kind and scoring rules', () => {
    const kinds = new Set(
      criteria.map(([, c]) => (typeof c === 'string' ? 'sentence' : 'weight' in c ? 'scoring' : 'rule')),
    );
    expect([...kinds].sort()).toEqual(['rule', 'scoring', 'sentence']);
  });

  test.each(criteria.map(([file, c, options]) => [file, JSON.stringify(c), c, options]))(
    '%s: %s is written back unchanged',
    (_file, _shown, criterion, options) => {
      expect(fromDraft(toDraft(criterion, options), options)).toEqual(criterion);
    },
  );

  test('a whole list round-trips, and an absent list is empty', () => {
    const list = criteria.filter(([, , o]) => o === MUST_HAVE).map(([, c]) => c);
    expect(fromDrafts(toDrafts(list, MUST_HAVE), MUST_HAVE)).toEqual(list);
    expect(toDrafts(undefined, MUST_HAVE)).toEqual([]);
  });

  test.each([
    [
      'a list operator, one value per line, blanks dropped',
      { label: 'Retail', field: 'industry', operator: 'in', values: 'Retail\n  Grocery \n\n' },
      { label: 'Retail', field: 'industry', in: ['Retail', 'Grocery'] },
    ],
    [
      'a range',
      { label: 'Mid-size', field: 'employees', operator: 'between', low: '200', high: '1500.5' },
      { label: 'Mid-size', field: 'employees', between: [200, 1500.5] },
    ],
    [
      'a bound',
      { label: 'Growing', field: 'growth_rate', operator: 'min', low: '25' },
      { label: 'Growing', field: 'growth_rate', min: 25 },
    ],
    [
      'text that is no number stays as typed, for lint to report',
      { label: 'Big', field: 'employees', operator: 'min', low: 'lots' },
      { label: 'Big', field: 'employees', min: 'lots' },
    ],
    ['a sentence', { kind: 'sentence', sentence: 'Has a data team' }, 'Has a data team'],
  ] as const)('writes %s in the §2.2 shape', (_case, patch, expected) => {
    const draft = { ...toDraft(undefined, MUST_HAVE), kind: 'rule' as const, ...patch };
    expect(fromDraft(draft, MUST_HAVE)).toEqual(expected);
  });

  test('a scoring rule carries its weight, and is never a sentence', () => {
    const draft = {
      ...toDraft(undefined, SCORING),
      label: 'Uses Shopify',
      field: 'tech',
      operator: 'includes_any',
    };
    expect(draft.kind).toBe('rule');
    expect(fromDraft({ ...draft, values: 'Shopify', weight: '20' }, SCORING)).toEqual({
      label: 'Uses Shopify',
      field: 'tech',
      includes_any: ['Shopify'],
      weight: 20,
    });
  });

  test('keys the form does not edit are kept', () => {
    const odd = { label: 'x', field: 'industry', in: ['A'], note: 'kept' };
    expect(fromDraft(toDraft(odd, MUST_HAVE), MUST_HAVE)).toEqual(odd);
    const weighted = { label: 'x', field: 'industry', in: ['A'], weight: 5 };
    expect(fromDraft(toDraft(weighted, MUST_HAVE), MUST_HAVE)).toEqual(weighted);
  });

  test.each([
    ['industry', ['in', 'not_in']],
    ['employees', ['between', 'min', 'max']],
    ['tech', ['includes_any', 'includes_all']],
  ])('the operators offered for %s fit its type', (attribute, operators) => {
    expect(operatorsFor(attribute, MUST_HAVE).map((o) => o.name)).toEqual(operators);
  });

  test('changing the attribute keeps an operator that still fits and replaces one that does not', () => {
    const draft = { ...toDraft(undefined, MUST_HAVE), field: 'employees', operator: 'max' };
    expect(withField(draft, 'annual_revenue', MUST_HAVE).operator).toBe('max');
    expect(withField(draft, 'region', MUST_HAVE).operator).toBe('in');
  });
});
