import type { RuleModule } from '../rule.ts';
import { rule as brokenLink } from './broken-link.ts';
import { rule as dmuCoverage } from './dmu-coverage.ts';
import { rule as futureDate } from './future-date.ts';
import { rule as glossaryCollision } from './glossary-collision.ts';
import { rule as icpFilters } from './icp-filters.ts';
import { rule as icpWithoutPersonas } from './icp-without-personas.ts';
import { rule as invalidId } from './invalid-id.ts';
import { rule as marketSizing } from './market-sizing.ts';
import { rule as mdxSyntax } from './mdx-syntax.ts';
import { rule as orphanPersona } from './orphan-persona.ts';
import { rule as personasPerIcp } from './personas-per-icp.ts';
import { rule as placeholderText } from './placeholder-text.ts';
import { rule as rangeOrder } from './range-order.ts';
import { rule as retiredReference } from './retired-reference.ts';
import { rule as schema } from './schema.ts';
import { rule as staleReview } from './stale-review.ts';
import { rule as thinEvidence } from './thin-evidence.ts';
import { rule as unknownReference } from './unknown-reference.ts';
import { rule as unsafeMdx } from './unsafe-mdx.ts';
import { rule as yamlSyntax } from './yaml-syntax.ts';

/** Every lint rule, in the order of the documentation. */
export const RULES: RuleModule[] = [
  yamlSyntax,
  schema,
  invalidId,
  unknownReference,
  orphanPersona,
  retiredReference,
  icpWithoutPersonas,
  personasPerIcp,
  dmuCoverage,
  icpFilters,
  rangeOrder,
  marketSizing,
  staleReview,
  futureDate,
  placeholderText,
  thinEvidence,
  unsafeMdx,
  mdxSyntax,
  brokenLink,
  glossaryCollision,
];
