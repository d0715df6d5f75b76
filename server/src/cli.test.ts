import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoSite } from './app/bootstrap.ts';
import { BotRegistry } from './bot/registry.ts';
import { runCli } from './cli.ts';
import { loadConfig } from './config/config.ts';
import { verifyPassword } from './identity/password.ts';
import { openStorage } from './storage/index.ts';

describe('cli', () => {
  it('adds an agent to the demo site, and refuses a bad e-mail or a duplicate', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'frontdesk-cli-')) };
    const storage = openStorage(loadConfig(env).database);
    await storage.migrate();
    await ensureDemoSite(storage, new BotRegistry(storage));
    await storage.close();

    const out: string[] = [];
    const args = [
      'agent:add',
      '--email',
      'Ola@Example.com',
      '--name',
      'Ola',
      '--password',
      'a long password!',
    ];
    expect(await runCli(args, (l) => out.push(l), env)).toBe(0);
    expect(out.join('\n')).toContain('Agent ola@example.com (agent) created for site demo.');
    expect(await runCli(args, (l) => out.push(l), env)).toBe(1);
    expect(out.at(-1)).toContain('exists');
    expect(await runCli(['agent:add', '--email', 'nope', '--name', 'X'], (l) => out.push(l), env)).toBe(1);
    expect(await runCli(['bogus'], (l) => out.push(l), env)).toBe(2);

    const check = openStorage(loadConfig(env).database);
    const agent = await check.getAgentByEmail('ola@example.com');
    expect(agent && (await verifyPassword('a long password!', agent.passwordHash))).toBe(true);
    await check.close();
  });
});

describe('cli: sites and agents', () => {
  async function setup() {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'frontdesk-cli-')) };
    const storage = openStorage(loadConfig(env).database);
    await storage.migrate();
    await ensureDemoSite(storage, new BotRegistry(storage));
    await storage.close();
    const out: string[] = [];
    const run = (...args: string[]) => runCli(args, (l) => out.push(l), env);
    return { env, out, run };
  }

  it('site:add prints the new key alone on its last line; site:origins adds, removes and lists', async () => {
    const { out, run } = await setup();
    expect(
      await run(
        'site:add',
        '--name',
        'Acme',
        '--origin',
        'https://Shop.Example/',
        '--origin',
        'https://*.acme.example',
      ),
    ).toBe(0);
    const key = out.at(-1) ?? '';
    expect(key).toMatch(/^site_[\w-]{22}$/);
    out.length = 0;
    expect(await run('site:origins', '--site', key, '--list')).toBe(0);
    expect(out).toEqual([`Allowed origins of ${key}:`, '  https://shop.example', '  https://*.acme.example']);
    out.length = 0;
    expect(
      await run(
        'site:origins',
        '--site',
        key,
        '--add',
        'http://localhost:8080',
        '--remove',
        'https://shop.example',
      ),
    ).toBe(0);
    expect(out.slice(1)).toEqual(['  https://*.acme.example', '  http://localhost:8080']);
    expect(await run('site:origins', '--site', key, '--add', 'https://shop.example/path')).toBe(1);
    expect(out.at(-1)).toContain('without a path');
    expect(await run('site:origins', '--site', 'nope-nope', '--list')).toBe(1);
    expect(await run('site:origins', '--site', key)).toBe(1);
    expect(await run('site:add', '--name', '')).toBe(1);
  });

  it('agent:list prints a table of e-mail, name, role, disabled and sites', async () => {
    const { out, run } = await setup();
    await run('agent:add', '--email', 'ann@example.com', '--name', 'Ann', '--password', 'a long password!');
    await run('agent:disable', '--email', 'ann@example.com');
    out.length = 0;
    expect(await run('agent:list')).toBe(0);
    expect(out[0]).toMatch(/^email\s+name\s+role\s+disabled\s+sites$/);
    expect(out[1]).toMatch(/^ann@example\.com\s+Ann\s+agent\s+yes\s+demo$/);
  });
});
