/**
 * TAM ⊇ SAM ⊇ SOM: the market sizes of an ICP's `market` that are out of order, per measure
 * (accounts with accounts, value with value), for the `market-sizing` rule.
 */
import { isRecord } from '../parse/raw.ts';

export type MarketLevel = 'tam' | 'sam' | 'som';
export type MarketMeasure = 'accounts' | 'value';

export const MARKET_NAMES: Record<MarketLevel, string> = {
  tam: 'TAM (total addressable market)',
  sam: 'SAM (serviceable addressable market)',
  som: 'SOM (serviceable obtainable market)',
};

const MEASURES: MarketMeasure[] = ['accounts', 'value'];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An inner market larger than the market around it. */
export interface MarketInversion {
  inner: MarketLevel;
  outer: MarketLevel;
  measure: MarketMeasure;
  innerFigure: number;
  outerFigure: number;
}

/**
 * Every inner market larger than its outer one: SAM > TAM, SOM > SAM, and SOM > TAM for a measure
 * the SAM does not give.
 */
export function marketInversions(market: Record<string, unknown>): MarketInversion[] {
  const found: MarketInversion[] = [];
  const figure = (level: MarketLevel, measure: MarketMeasure): number | undefined => {
    const m = market[level];
    return isRecord(m) && isNumber(m[measure]) ? m[measure] : undefined;
  };
  const compare = (inner: MarketLevel, outer: MarketLevel, measure: MarketMeasure) => {
    const innerFigure = figure(inner, measure);
    const outerFigure = figure(outer, measure);
    if (innerFigure === undefined || outerFigure === undefined || innerFigure <= outerFigure) return;
    found.push({ inner, outer, measure, innerFigure, outerFigure });
  };
  for (const measure of MEASURES) {
    compare('sam', 'tam', measure);
    // SOM ≤ TAM follows from the other two when the SAM gives this figure; check it directly otherwise.
    if (figure('sam', measure) === undefined) compare('som', 'tam', measure);
    else compare('som', 'sam', measure);
  }
  return found;
}
