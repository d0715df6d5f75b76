import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoSite } from '../app/bootstrap.ts';
import { BotRegistry } from '../bot/registry.ts';
import { runCli } from '../cli.ts';
import { loadConfig } from '../config/config.ts';
import { openStorage } from '../storage/index.ts';
import { parseFaqYaml, serializeFaqYaml } from './format.ts';

const GIFT_WRAP = {
  id: 'gift_wrap_en',
  lang: 'en' as const,
  question: 'Do you offer gift wrapping?',
  examples: ['Can you gift wrap my present?'],
  answer: 'Yes, for 9 zł.',
  tags: [],
};

async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-faq-cli-'));
  const env = { DATA_DIR: join(dir, 'data'), INIT_CWD: dir };
  const storage = openStorage(loadConfig(env).database);
  await storage.migrate();
  await ensureDemoSite(storage, new BotRegistry(storage));
  await storage.close();
  const out: string[] = [];
  const run = async (...args: string[]) => {
    out.length = 0;
    return runCli(args, (line) => out.push(line), env);
  };
  return { dir, env, out, run };
}

describe('cli: faq commands', () => {
  it('exports, imports (merge and replace) and tests questions against the site FAQ', async () => {
    const { dir, out, run } = await setUp();

    expect(await run('faq:export', '--site', 'demo', 'exported.yaml')).toBe(0);
    expect(out[0]).toBe(`Exported 60 entries of site demo to ${join(dir, 'exported.yaml')}.`);
    const exported = parseFaqYaml(readFileSync(join(dir, 'exported.yaml'), 'utf8'));
    expect(exported).toHaveLength(60);
    expect(exported.find((f) => f.id === 'complaint_pl')?.tags).toEqual(['complaint']);
    expect(await run('faq:export')).toBe(0);
    expect(out.join('\n')).toContain('  - id: delivery_cost_pl');

    expect(await run('faq:test', 'Do you gift wrap presents?')).toBe(0);
    expect(out[0]).toMatch(/^Decision: miss \(en\)$/);

    writeFileSync(join(dir, 'one.yaml'), serializeFaqYaml([GIFT_WRAP]));
    expect(await run('faq:import', '--site', 'demo', 'one.yaml')).toBe(0);
    expect(out[0]).toBe('Imported 1 entries into site demo: 1 new, 0 updated.');
    expect(await run('faq:test', '--site', 'demo', 'Do', 'you', 'gift', 'wrap', 'presents?')).toBe(0);
    expect(out[0]).toBe('Decision: answer gift_wrap_en (en)');
    expect(out[1]).toMatch(/^ {2}\d\.\d{3} {2}gift_wrap_en {2}Do you offer gift wrapping\?$/);
    expect(out.length).toBeGreaterThan(2);

    expect(await run('faq:test', '--lang', 'pl', 'ile kosztuje wysylka')).toBe(0);
    expect(out[0]).toBe('Decision: answer delivery_cost_pl (pl)');
    expect(await run('faq:test', 'hello')).toBe(0);
    expect(out[0]).toBe('Decision: intent "greeting" (en)');

    expect(await run('faq:import', 'one.yaml', '--replace')).toBe(0);
    expect(out[0]).toBe('Imported 1 entries into site demo: 0 new, 1 updated, 60 removed.');
    expect(await run('faq:export', 'after.yaml')).toBe(0);
    expect(parseFaqYaml(readFileSync(join(dir, 'after.yaml'), 'utf8'))).toEqual([GIFT_WRAP]);
  });

  it('reports a bad file with its line, and bad arguments, with exit code 1', async () => {
    const { dir, out, run } = await setUp();
    writeFileSync(join(dir, 'bad.yaml'), 'faqs:\n  - id: a\n    lang: en\n    question: q\n');
    expect(await run('faq:import', 'bad.yaml')).toBe(1);
    expect(out[0]).toBe(`Error: ${join(dir, 'bad.yaml')}, line 2: entry 1: "answer" is missing`);
    expect(await run('faq:import', 'missing.yaml')).toBe(1);
    expect(out[0]).toMatch(/cannot read .*missing\.yaml: ENOENT/);
    expect(await run('faq:import')).toBe(1);
    expect(await run('faq:export', '--site', 'nope')).toBe(1);
    expect(out[0]).toBe('Error: no site with key "nope"');
    expect(await run('faq:test', '--lang', 'xx', 'hello')).toBe(1);
    expect(await run('faq:test')).toBe(1);
    expect(await run('faq:test', '--bogus')).toBe(1);
    expect(await run('faq:export', '--site', 'demo')).toBe(0);
  });
});
