import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../bench/corpus/generate.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import type { SourceFile } from '../src/core/types.ts';
import { parseAll } from '../src/loader/workers.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };

describe('parseAll', () => {
  test('parses on worker threads exactly as in place, in order', async () => {
    const sources: SourceFile[] = [...generateCorpus({ files: 420, seed: 7 })].flatMap(([path, text]) => {
      const [folder, name] = path.split('/') as [string, string];
      return TYPES[folder]
        ? [{ type: TYPES[folder]!, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text }]
        : [];
    });
    sources.push({
      type: 'guide',
      id: 'broken',
      file: 'content/guides/broken.mdx',
      path: 'guides/broken.mdx',
      text: '---\ntitle: [x\n---\n<div>\n',
    });
    const threaded = await parseAll(sources, 2);
    expect(threaded.map((e) => e.path)).toEqual(sources.map((s) => s.path));
    expect(threaded).toEqual(sources.map(parseEntry));
  });
});
