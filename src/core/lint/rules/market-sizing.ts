import { isRecord } from '../../parse/raw.ts';
import { thousands } from '../../words.ts';
import { MARKET_NAMES, type MarketMeasure, marketInversions } from '../market-sizes.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'market-sizing',
  severity: 'error',
  description:
    'Market sizes out of order: SOM larger than SAM, SAM larger than TAM (or SOM larger than TAM), per ' +
    'measure.',
  docs:
    'The serviceable obtainable market (SOM) is the part of the serviceable addressable market (SAM) you ' +
    'can realistically win, and the SAM is the part of the total addressable market (TAM) your product can ' +
    'serve, so SOM ≤ SAM ≤ TAM. The rule compares accounts with accounts and value with value, wherever ' +
    'both sides give the figure (SOM is compared with TAM when the SAM does not). A larger inner market is ' +
    'almost always a typo, a missing zero or figures from two different sources.',
  messages: {
    larger:
      '{{inner}} {{measure}} ({{innerFigure}}) is larger than {{outer}} {{measure}} ({{outerFigure}}): the ' +
      '{{innerShort}} is part of the {{outerShort}}, so it cannot be bigger.',
  },
  hints: {
    larger:
      'Check both figures against your source{{source}}: look for a missing zero or a different unit. The ' +
      'order must be SOM ≤ SAM ≤ TAM for accounts and for value.',
  },
  check({ graph, config, report }) {
    for (const entry of graph.entries) {
      if (entry.type !== 'icp' || !isRecord(entry.raw?.market)) continue;
      const market = entry.raw.market;
      const currency = typeof market.currency === 'string' ? market.currency : config.currency;
      const source = typeof market.source === 'string' && market.source.trim() ? ` ("${market.source}")` : '';
      const shown = (n: number, measure: MarketMeasure) =>
        measure === 'value' ? `${thousands(n)} ${currency}` : thousands(n);
      for (const { inner, outer, measure, innerFigure, outerFigure } of marketInversions(market)) {
        const data = {
          inner: MARKET_NAMES[inner],
          outer: MARKET_NAMES[outer],
          innerShort: inner.toUpperCase(),
          outerShort: outer.toUpperCase(),
          measure,
          innerFigure: shown(innerFigure, measure),
          outerFigure: shown(outerFigure, measure),
          source,
        };
        report({ entry, messageId: 'larger', data, path: ['market', inner, measure] });
      }
    }
  },
});
