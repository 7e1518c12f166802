/**
 * Ranges whose lower bound is above the upper one, anywhere in frontmatter: `{ min, max }` bands
 * and `between: [a, b]` rules, for the `range-order` rule.
 */
import { dotted, isRecord, type KeyPath } from '../parse/raw.ts';

/** A reversed range: the `range-order` message id, the values for its templates, and the key path. */
export interface ReversedRange {
  messageId: 'minAboveMax' | 'betweenReversed';
  data: Record<string, string | number>;
  path: KeyPath;
}

const CRITERIA_LISTS: Record<string, string> = { must_haves: 'Must-have', deal_breakers: 'Deal-breaker' };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** How readers know the object at `path`: a criterion by its label, anything else by its key path. */
function describe(path: KeyPath, node: Record<string, unknown>): string {
  const label = typeof node.label === 'string' && node.label.trim() ? ` "${node.label}"` : ` ${dotted(path)}`;
  if (path.length === 2 && typeof path[1] === 'number' && CRITERIA_LISTS[path[0] as string])
    return `${CRITERIA_LISTS[path[0] as string]}${label}`;
  if (path.length === 3 && path[0] === 'scoring' && path[1] === 'rules') return `Scoring rule${label}`;
  return path.length === 0 ? 'The frontmatter' : `"${dotted(path)}"`;
}

/** Every reversed range in raw frontmatter, in document order. */
export function reversedRanges(raw: unknown): ReversedRange[] {
  const found: ReversedRange[] = [];
  const walk = (node: unknown, path: KeyPath) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, [...path, index]);
      return;
    }
    if (!isRecord(node)) return;
    if (isNumber(node.min) && isNumber(node.max) && node.min > node.max) {
      const data = { where: describe(path, node), min: node.min, max: node.max };
      found.push({ messageId: 'minAboveMax', data, path: [...path, 'min'] });
    }
    const [first, second] = Array.isArray(node.between) && node.between.length === 2 ? node.between : [];
    if (isNumber(first) && isNumber(second) && first > second) {
      const data = { where: describe(path, node), first, second };
      found.push({ messageId: 'betweenReversed', data, path: [...path, 'between'] });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'between') walk(value, [...path, key]);
  };
  walk(raw, []);
  return found;
}
