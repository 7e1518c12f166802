/**
 * A criterion as the form edits it (a draft of inputs' text) and as the file holds it (DESIGN §2.2: a plain
 * sentence, or `{label, field, <operator>: value}` with `weight` for scoring rules). Pure, so that the
 * conversion both ways is tested without a browser: a criterion read into a draft and written back is
 * the same value.
 */

/** One attribute a rule can test, and its type. */
export interface AttributeOption {
  name: string;
  type: string;
}

/** One operator: the attribute type it fits and the value it takes. */
export interface OperatorOption {
  name: string;
  type: string;
  value: 'list' | 'range' | 'number';
}

/** The widget's options, from the field in config.yml (src/core/export/cms-config.ts writes them). */
export interface CriterionOptions {
  /** Whether a plain sentence is allowed (must-haves, deal-breakers) or only rules (scoring). */
  sentence: boolean;
  attributes: AttributeOption[];
  operators: OperatorOption[];
  /** Bounds of a scoring rule's weight; absent when criteria carry no weight. */
  weight?: { min: number; max: number };
}

/** What the inputs hold. Numbers stay text until written, so that typing "1." is not lost. */
export interface Draft {
  kind: 'sentence' | 'rule';
  sentence: string;
  label: string;
  field: string;
  operator: string;
  /** A list operator's values, one per line. */
  values: string;
  /** `between`'s bounds, or `min`/`max`'s number in `low`. */
  low: string;
  high: string;
  weight: string;
  /** Keys the form does not edit, kept as they were so that saving loses nothing. */
  extra: Record<string, unknown>;
}

type Rule = Record<string, unknown>;

const RULE_KEYS = new Set(['label', 'field', 'weight']);

const isRecord = (v: unknown): v is Rule => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The draft for a stored value (a string, a rule object, or nothing for a new item). */
export function toDraft(value: unknown, options: CriterionOptions): Draft {
  const first = options.attributes[0]?.name ?? '';
  const draft: Draft = {
    kind: options.sentence ? 'sentence' : 'rule',
    sentence: '',
    label: '',
    field: first,
    operator: operatorsFor(first, options)[0]?.name ?? '',
    values: '',
    low: '',
    high: '',
    weight: '',
    extra: {},
  };
  if (typeof value === 'string') return { ...draft, kind: 'sentence', sentence: value };
  if (!isRecord(value)) return draft;
  draft.kind = 'rule';
  draft.label = text(value.label);
  if (typeof value.field === 'string') draft.field = value.field;
  if (value.weight !== undefined) {
    if (options.weight) draft.weight = text(value.weight);
    else draft.extra.weight = value.weight;
  }
  const known = new Set(options.operators.map((o) => o.name));
  const operator = Object.keys(value).find((k) => known.has(k));
  if (operator) {
    draft.operator = operator;
    const v = value[operator];
    const kind = options.operators.find((o) => o.name === operator)?.value;
    if (kind === 'list' && Array.isArray(v)) draft.values = v.map(text).join('\n');
    else if (kind === 'range' && Array.isArray(v)) [draft.low, draft.high] = [text(v[0]), text(v[1])];
    else if (kind === 'number') draft.low = text(v);
    else draft.extra[operator] = v;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!RULE_KEYS.has(key) && key !== operator) draft.extra[key] = v;
  }
  return draft;
}

/** A number typed in an input; text that is no number is kept as typed, for lint to report. */
function numberOf(input: string): number | string | undefined {
  const t = input.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The stored value for a draft: exactly the §2.2 shape, the operator as its key. */
export function fromDraft(draft: Draft, options: CriterionOptions): string | Rule {
  if (draft.kind === 'sentence' && options.sentence) return draft.sentence;
  const rule: Rule = { label: draft.label, field: draft.field };
  const kind = options.operators.find((o) => o.name === draft.operator)?.value;
  if (kind === 'list') {
    rule[draft.operator] = draft.values
      .split('\n')
      .map((v) => v.trim())
      .filter(Boolean);
  } else if (kind === 'range') {
    rule[draft.operator] = [numberOf(draft.low), numberOf(draft.high)].map((n) => n ?? null);
  } else if (kind === 'number') {
    const n = numberOf(draft.low);
    if (n !== undefined) rule[draft.operator] = n;
  }
  for (const [key, v] of Object.entries(draft.extra)) if (!(key in rule)) rule[key] = v;
  if (options.weight) {
    const w = numberOf(draft.weight);
    if (w !== undefined) rule.weight = w;
  }
  return rule;
}

/** The operators that fit an attribute. */
export function operatorsFor(field: string, options: CriterionOptions): OperatorOption[] {
  const type = options.attributes.find((a) => a.name === field)?.type;
  return options.operators.filter((o) => o.type === type);
}

/** A new attribute keeps the operator when it still fits, else takes the first one that does. */
export function withField(draft: Draft, field: string, options: CriterionOptions): Draft {
  const fits = operatorsFor(field, options);
  const operator = fits.some((o) => o.name === draft.operator) ? draft.operator : (fits[0]?.name ?? '');
  return { ...draft, field, operator };
}

/** A one-line reading of a criterion, for the preview pane. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return '';
  const parts = Object.entries(value)
    .filter(([k]) => k !== 'label' && k !== 'field')
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : text(v)}`);
  return `${text(value.label)} (${text(value.field)} ${parts.join('; ')})`;
}

/** The drafts of a stored list of criteria (an absent list is an empty one). */
export function toDrafts(value: unknown, options: CriterionOptions): Draft[] {
  return Array.isArray(value) ? value.map((item) => toDraft(item, options)) : [];
}

/** The stored list for the drafts. */
export function fromDrafts(drafts: Draft[], options: CriterionOptions): (string | Rule)[] {
  return drafts.map((draft) => fromDraft(draft, options));
}
