import { API } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { recordHttp } from '../testing/http.ts';
import { agentAccount } from '../testing/memory-admin.ts';
import { createAgentsApi } from './api.ts';

const BOB = agentAccount('bob');

describe('agents api', () => {
  it('lists agents', async () => {
    const { http, call } = recordHttp({ agents: [BOB] });
    expect(await createAgentsApi(http).listAgents()).toEqual({ ok: true, data: [BOB] });
    expect(call()).toEqual({ path: API.agents, method: 'GET', body: undefined });
  });

  it('creates an agent and returns the generated password, if any', async () => {
    const { http, call } = recordHttp({ agent: BOB, password: 'generated secret' });
    const input = { email: 'bob@shop.example', name: 'Bob', role: 'agent' as const, siteIds: ['s1'] };
    expect(await createAgentsApi(http).createAgent(input)).toEqual({
      ok: true,
      data: { agent: BOB, password: 'generated secret' },
    });
    expect(call()).toEqual({ path: API.agents, method: 'POST', body: input });
    const none = recordHttp({ agent: BOB });
    expect(await createAgentsApi(none.http).patchAgent('bob', { disabled: true })).toEqual({
      ok: true,
      data: { agent: BOB, password: null },
    });
    expect(none.call()).toEqual({ path: API.agent('bob'), method: 'PATCH', body: { disabled: true } });
  });

  it('resets a password', async () => {
    const { http, call } = recordHttp({ ok: true, password: 'new one' });
    expect(await createAgentsApi(http).resetAgentPassword('bob', {})).toEqual({
      ok: true,
      data: { password: 'new one' },
    });
    expect(call()).toEqual({ path: API.agentPassword('bob'), method: 'POST', body: {} });
  });

  it('passes a duplicate e-mail through as conflict', async () => {
    const { http } = recordHttp({ ok: false, error: { code: 'conflict', message: 'e-mail in use' } }, 409);
    const input = { email: 'bob@shop.example', name: 'Bob', role: 'agent' as const, siteIds: [] };
    expect(await createAgentsApi(http).createAgent(input)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'e-mail in use' },
    });
  });
});
