import { isRecord } from '../../parse/raw.ts';
import { defineRule } from '../rule.ts';

type Level = 'tam' | 'sam' | 'som';
type Measure = 'accounts' | 'value';

const NAMES: Record<Level, string> = {
  tam: 'TAM (total addressable market)',
  sam: 'SAM (serviceable addressable market)',
  som: 'SOM (serviceable obtainable market)',
};
const SHORT: Record<Level, string> = { tam: 'TAM', sam: 'SAM', som: 'SOM' };
const MEASURES: Measure[] = ['accounts', 'value'];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const rule = defineRule({
  id: 'market-sizing',
  severity: 'error',
  description: 'Market sizes out of order: SOM larger than SAM, SAM larger than TAM (or SOM larger than TAM), per measure.',
  docs: 'The serviceable obtainable market (SOM) is the part of the serviceable addressable market (SAM) you can realistically win, and the SAM is the part of the total addressable market (TAM) your product can serve, so SOM ≤ SAM ≤ TAM. The rule compares accounts with accounts and value with value, wherever both sides give the figure (SOM is compared with TAM when the SAM does not). A larger inner market is almost always a typo, a missing zero or figures from two different sources.',
  messages: {
    larger: '{{inner}} {{measure}} ({{innerFigure}}) is larger than {{outer}} {{measure}} ({{outerFigure}}): the {{innerShort}} is part of the {{outerShort}}, so it cannot be bigger.',
  },
  hints: {
    larger: 'Check both figures against your source{{source}}: look for a missing zero or a different unit. The order must be SOM ≤ SAM ≤ TAM for accounts and for value.',
  },
  check({ graph, config, report }) {
    for (const entry of graph.entries) {
      if (entry.type !== 'icp' || !isRecord(entry.raw?.market)) continue;
      const market = entry.raw.market;
      const currency = typeof market.currency === 'string' ? market.currency : config.currency;
      const source = typeof market.source === 'string' && market.source.trim() ? ` ("${market.source}")` : '';
      const figure = (level: Level, measure: Measure): number | undefined => {
        const m = market[level];
        return isRecord(m) && isNumber(m[measure]) ? m[measure] : undefined;
      };
      const format = (n: number, measure: Measure) => (measure === 'value' ? `${n.toLocaleString('en-US')} ${currency}` : n.toLocaleString('en-US'));
      const compare = (inner: Level, outer: Level, measure: Measure) => {
        const a = figure(inner, measure);
        const b = figure(outer, measure);
        if (a === undefined || b === undefined || a <= b) return;
        report({
          entry,
          messageId: 'larger',
          data: {
            inner: NAMES[inner],
            outer: NAMES[outer],
            innerShort: SHORT[inner],
            outerShort: SHORT[outer],
            measure,
            innerFigure: format(a, measure),
            outerFigure: format(b, measure),
            source,
          },
          path: ['market', inner, measure],
        });
      };
      for (const measure of MEASURES) {
        compare('sam', 'tam', measure);
        // SOM ≤ TAM follows from the other two when the SAM gives this figure; check it directly otherwise.
        if (figure('sam', measure) === undefined) compare('som', 'tam', measure);
        else compare('som', 'sam', measure);
      }
    }
  },
});
