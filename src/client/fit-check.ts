/**
 * The /fit page's island: reads the form, scores the account against each active ICP with
 * src/core/score/score.ts (the code the `score` command runs) and shows verdicts and reasons.
 * No framework; results are built with DOM calls and `textContent`, so no content string is
 * ever parsed as markup.
 */
import {
  type Account,
  bestFit,
  type ScorableIcp,
  type ScoreResult,
  scoreAccount,
} from '../core/score/score.ts';
import type { Criterion } from '../schema/criterion.ts';

/** One ICP as the page hands it to the island (JSON in a script element). */
export interface FitIcp extends ScorableIcp {
  name: string;
  url: string;
}

/** Suggestions and choices for the form. */
export interface FitOptions {
  industry: string[];
  region: string[];
  country: string[];
  tech: string[];
  growthStages: string[];
  currency: string;
}

const TEXT_FIELDS = ['industry', 'region', 'country', 'growth_stage'] as const;
const NUMBER_FIELDS = ['employees', 'annual_revenue', 'growth_rate'] as const;

/** The account a set of form values describes; empty fields stay unknown. `tech` splits on `;` or `,`. */
export function accountFromValues(values: Record<string, string | undefined>): Account {
  const account: Account = { name: values.name?.trim() || 'This account' };
  for (const field of TEXT_FIELDS) {
    const v = values[field]?.trim();
    if (v) account[field] = v;
  }
  for (const field of NUMBER_FIELDS) {
    const v = values[field]?.trim();
    if (v && Number.isFinite(Number(v))) account[field] = Number(v);
  }
  const tech = (values.tech ?? '')
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tech.length > 0) account.tech = [...new Set(tech)];
  return account;
}

const VERDICTS = { fit: 'Fit', partial: 'Partial', excluded: 'Excluded' } as const;
const OUTCOME_TEXT = {
  must_have: { matched: 'Met', failed: 'Not met', unknown: 'Unknown' },
  deal_breaker: { matched: 'Disqualifies', failed: 'Clear', unknown: 'Unknown' },
  scoring: { matched: 'Matched', failed: 'No', unknown: 'Unknown' },
} as const;
/** Marks by what an outcome means for the account: good, bad, unknown, or simply no points. */
const MARKS = { good: '✓', bad: '✗', unknown: '?', none: '–' } as const;

const sentences = (list: readonly Criterion[]) => list.filter((c): c is string => typeof c === 'string');

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function reasonList(
  result: ScoreResult,
  kind: 'must_have' | 'deal_breaker' | 'scoring',
  weights: number[],
  plain: string[],
): HTMLElement[] {
  const reasons = result.reasons.filter((r) => r.kind === kind);
  if (reasons.length === 0 && plain.length === 0) return [];
  const title = { must_have: 'Must-haves', deal_breaker: 'Deal-breakers', scoring: 'Scoring' }[kind];
  const list = el('ul', { className: 'fit-reasons' });
  reasons.forEach((r, i) => {
    const bad =
      (kind === 'deal_breaker' && r.outcome === 'matched') ||
      (kind === 'must_have' && r.outcome === 'failed');
    const good =
      (kind === 'deal_breaker' && r.outcome === 'failed') ||
      (kind !== 'deal_breaker' && r.outcome === 'matched');
    const state = bad ? 'bad' : good ? 'good' : r.outcome === 'unknown' ? 'unknown' : 'none';
    const item = el('li', { className: `fit-reason is-${state}` });
    item.dataset.outcome = r.outcome;
    const mark = el('span', { className: 'fit-mark', text: MARKS[state] });
    mark.setAttribute('aria-hidden', 'true');
    const status =
      kind === 'scoring' && r.outcome === 'matched' ? `+${weights[i]}` : OUTCOME_TEXT[kind][r.outcome];
    item.append(mark, el('span', { className: 'fit-outcome', text: `${status}:` }), ' ', r.label);
    if (kind === 'scoring') item.append(el('span', { className: 'muted', text: ` (weight ${weights[i]})` }));
    list.append(item);
  });
  for (const sentence of plain) {
    const item = el('li', { className: 'fit-reason is-manual' });
    item.append(
      el('span', { className: 'fit-mark', text: '•' }),
      el('span', { className: 'fit-outcome', text: 'Check by hand:' }),
      ' ',
      sentence,
    );
    item.firstElementChild!.setAttribute('aria-hidden', 'true');
    list.append(item);
  }
  return [el('h4', { text: title }), list];
}

function resultCard(icp: FitIcp, result: ScoreResult, best: boolean): HTMLElement {
  const card = el('article', { className: `fit-result verdict-${result.verdict}` });
  card.dataset.icp = icp.id;
  card.dataset.verdict = result.verdict;
  card.dataset.score = String(result.score);
  const link = el('a', { text: icp.name });
  link.href = icp.url;
  const heading = el('h3', {}, link);
  if (best) heading.append(' ', el('span', { className: 'badge badge-ok', text: 'Best fit' }));
  const rules = icp.data.scoring?.rules ?? [];
  const threshold = el('span', {
    className: 'muted',
    text: rules.length
      ? ` · a fit needs ${result.threshold} and every must-have`
      : ' · no scoring rules: 100 when every must-have is met',
  });
  const verdict = el(
    'p',
    { className: 'fit-verdict' },
    el('span', { className: `badge fit-badge fit-badge-${result.verdict}`, text: VERDICTS[result.verdict] }),
    ' Score ',
    el('strong', { text: String(result.score) }),
    ' of 100',
    threshold,
  );
  card.append(
    heading,
    verdict,
    ...reasonList(result, 'must_have', [], sentences(icp.data.must_haves)),
    ...reasonList(result, 'deal_breaker', [], sentences(icp.data.deal_breakers)),
    ...reasonList(
      result,
      'scoring',
      rules.map((r) => r.weight),
      [],
    ),
  );
  return card;
}

/** Wires one fit check: `root` holds the form, the results container and the ICP data. */
export function mount(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const results = root.querySelector<HTMLElement>('[data-fit-results]')!;
  const summary = root.querySelector<HTMLElement>('[data-fit-summary]')!;
  const icps = JSON.parse(
    root.querySelector('script[type="application/json"]')!.textContent ?? '[]',
  ) as FitIcp[];

  const update = () => {
    const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    const account = accountFromValues(values);
    const scored = icps.map((icp) => scoreAccount(icp, account));
    const best = bestFit(scored);
    results.replaceChildren(...icps.map((icp, i) => resultCard(icp, scored[i]!, icp.id === best)));
    results.dataset.best = best ?? '';
    const known = Object.keys(account).length > 1;
    const bestIcp = icps.find((i) => i.id === best);
    summary.textContent = !known
      ? 'Nothing entered yet: every rule is unknown.'
      : bestIcp
        ? `Best fit: ${bestIcp.name} (score ${scored[icps.indexOf(bestIcp)]!.score}). Fits ${scored.filter((s) => s.verdict === 'fit').length} of ${icps.length} ICPs.`
        : `No ICP is a fit. Excluded by ${scored.filter((s) => s.verdict === 'excluded').length} of ${icps.length} ICPs.`;
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('reset', () => setTimeout(update));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    root.querySelector<HTMLElement>('[data-fit-results-title]')?.focus();
  });
  root.dataset.ready = 'true';
  update();
}

if (typeof document !== 'undefined')
  for (const root of document.querySelectorAll<HTMLElement>('[data-fit-check]')) mount(root);
