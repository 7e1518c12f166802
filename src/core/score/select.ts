/** Which ICPs an account list is scored against (DESIGN §3, §8.15). */
import type { Graph } from '../graph/graph.ts';
import { nearest } from '../graph/suggest.ts';
import type { IcpEntry } from '../parse/entry.ts';

export type IcpSelection =
  | { icps: IcpEntry[]; skipped: string[] }
  | { problem: 'unknown' | 'invalid'; message: string };

/**
 * `--icp ID` names one ICP (a draft or retired one too); without it, every active ICP in id order
 * (possibly none).
 * ICP files with frontmatter errors cannot be scored: they are skipped (and listed) or, when named,
 * reported.
 */
export function selectIcps(graph: Graph, id: string | undefined): IcpSelection {
  if (id !== undefined) {
    const icp = graph.icps.get(id);
    if (icp) return { icps: [icp], skipped: [] };
    if (graph.all.icp.has(id)) {
      const message = `ICP "${id}" has errors in its frontmatter, so it cannot be scored. Run npm run lint to see them.`;
      return { problem: 'invalid', message };
    }
    const known = [...graph.all.icp.keys()].sort();
    const guess = nearest(id, known);
    const hint = guess ? ` Did you mean "${guess}"?` : '';
    return {
      problem: 'unknown',
      message: `There is no ICP "${id}".${hint} Known ICPs: ${known.join(', ') || 'none'}.`,
    };
  }
  const icps = [...graph.icps.values()]
    .filter((i) => i.data.status === 'active')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const skipped = [...graph.all.icp.values()].filter((e) => e.data === undefined).map((e) => e.file);
  return { icps, skipped };
}
