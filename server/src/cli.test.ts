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
