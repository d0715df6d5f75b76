import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../engine/index.ts';
import { createNlpjsBaseline } from './nlpjs-baseline.ts';

const entries: FaqEntry[] = [
  { id: 'ship', lang: 'en', question: 'How much is shipping?', examples: ['delivery cost'], answer: '' },
  { id: 'ret', lang: 'en', question: 'How do I return an item?', examples: ['send it back'], answer: '' },
];

describe('NLP.js baseline', () => {
  it('ranks the texts it was given up front and refuses others', async () => {
    const b = await createNlpjsBaseline(entries, 'en', ['what does delivery cost', 'return item']);
    expect(b.rank('what does delivery cost')?.id).toBe('ship');
    expect(b.rank('return item')?.id).toBe('ret');
    expect(b.msOf('return item')).toBeGreaterThanOrEqual(0);
    expect(() => b.rank('something else')).toThrow(/not classified up front/);
  });

  it('is imported by the evaluation only, never by the product', () => {
    const src = fileURLToPath(new URL('../../', import.meta.url));
    const evalDir = fileURLToPath(new URL('./', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(e.name) &&
          !path.startsWith(evalDir) &&
          readFileSync(path, 'utf8').includes("'@nlpjs/")
        )
          offenders.push(relative(src, path));
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
