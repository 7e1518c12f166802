import { isRecord } from '../../parse/raw.ts';
import { defineRule } from '../rule.ts';

type Path = (string | number)[];

const CRITERIA_LISTS: Record<string, string> = { must_haves: 'Must-have', deal_breakers: 'Deal-breaker' };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `firmographics.employees`, `scoring.rules[2]`. */
function dotted(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** How readers know the object at `path`: a criterion by its label, anything else by its key path. */
function describe(path: Path, node: Record<string, unknown>): string {
  const label = typeof node.label === 'string' && node.label.trim() ? ` "${node.label}"` : ` ${dotted(path)}`;
  if (path.length === 2 && typeof path[1] === 'number' && CRITERIA_LISTS[path[0] as string]) return `${CRITERIA_LISTS[path[0] as string]}${label}`;
  if (path.length === 3 && path[0] === 'scoring' && path[1] === 'rules') return `Scoring rule${label}`;
  return path.length === 0 ? 'The frontmatter' : `"${dotted(path)}"`;
}

export const rule = defineRule({
  id: 'range-order',
  severity: 'error',
  description: 'A range whose lower bound is above its upper bound: `min` > `max`, or `between: [a, b]` with a > b.',
  docs: 'Ranges such as `firmographics.employees: { min: 200, max: 1500 }` and rules such as `between: [200, 1500]` describe the accounts an ICP fits. When the lower bound is larger than the upper bound, no account can ever fall inside the range, so the fit check and the `score` command would silently reject everyone. Swap the two numbers or correct the one that is wrong.',
  messages: {
    minAboveMax: '{{where}} has min {{min}} above max {{max}}, so nothing can fall inside the range.',
    betweenReversed: '{{where}} has between: [{{first}}, {{second}}] with the larger number first, so no account can match it.',
  },
  hints: {
    minAboveMax: 'Swap the two values (min is the lower bound, max the upper bound), or correct the one that is wrong.',
    betweenReversed: 'Write the lower bound first: between: [{{second}}, {{first}}].',
  },
  check({ graph, report }) {
    for (const entry of graph.entries) {
      if (!entry.raw) continue;
      const walk = (node: unknown, path: Path) => {
        if (Array.isArray(node)) {
          node.forEach((item, index) => walk(item, [...path, index]));
          return;
        }
        if (!isRecord(node)) return;
        if (isNumber(node.min) && isNumber(node.max) && node.min > node.max) {
          report({ entry, messageId: 'minAboveMax', data: { where: describe(path, node), min: node.min, max: node.max }, path: [...path, 'min'] });
        }
        const between = node.between;
        if (Array.isArray(between) && between.length === 2 && isNumber(between[0]) && isNumber(between[1]) && between[0] > between[1]) {
          report({ entry, messageId: 'betweenReversed', data: { where: describe(path, node), first: between[0], second: between[1] }, path: [...path, 'between'] });
        }
        for (const [key, value] of Object.entries(node)) if (key !== 'between') walk(value, [...path, key]);
      };
      walk(entry.raw, []);
    }
  },
});
