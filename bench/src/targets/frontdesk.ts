/**
 * The server under test, in its own process: Frontdesk with persistence on (by default a fresh SQLite
 * file in WAL mode; or the PostgreSQL database, and the Redis, the orchestrator passes to `start`), plus
 * what the bench needs around it — sites with agent sessions, process stats, and a check of what was
 * stored against what the load generator saw acknowledged. Several of these processes on one database
 * and one Redis are the nodes of a multi-node target; the orchestrator asks the first for teams.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { agentSessionCookie, type Harness, startHarness } from '@frontdesk/server/testing';
import { LIMITS } from '@frontdesk/shared';
import { serveIpc } from '../ipc.ts';
import type { AckedMessages, NodeOptions, Team } from '../load/protocol.ts';
import { BENCH_ORIGIN } from '../load/protocol.ts';
import { processStats } from './process-stats.ts';

let h: Harness;
async function start(options: NodeOptions): Promise<{ url: string }> {
  // The load generator is one address sending thousands of messages a second: budgets far above it,
  // still checked on every message, so their cost is part of what is measured.
  h = await startHarness({
    ...(options.databaseUrl && { databaseUrl: options.databaseUrl }),
    env: { RATE_LIMIT_SCALE: '1000000', ...options.env },
  });
  return { url: h.url };
}
const teams: Team[] = [];
let passwordHash: string | null = null;

/** A site with `agents` agent accounts and a session for each; the password is hashed once and reused. */
async function addTeam(index: number, agents: number): Promise<Team> {
  const site = await h.storage.createSite({
    key: `bench-${index}`,
    name: `Bench site ${index}`,
    allowedOrigins: [BENCH_ORIGIN],
    settings: { ...h.site.settings, escalationPhrases: [] },
  });
  const cookies: string[] = [];
  for (let n = 0; n < agents; n++) cookies.push(await addAgent(site.id, `${index}-${n}`));
  return { siteKey: site.key, cookies };
}

async function addAgent(siteId: string, name: string): Promise<string> {
  const email = `bench-agent-${name}@example.com`;
  let agentId: string;
  if (passwordHash === null) {
    const agent = await h.agents.create(
      { email, name: `Agent ${name}`, password: 'bench password 0123', role: 'agent' },
      [siteId],
    );
    passwordHash = agent.passwordHash;
    agentId = agent.id;
  } else {
    const agent = await h.storage.createAgent({
      email,
      name: `Agent ${name}`,
      role: 'agent',
      passwordHash,
      siteIds: [siteId],
    });
    agentId = agent.id;
  }
  // A session row as POST /auth/login makes it, without paying scrypt once per site.
  return agentSessionCookie(h.storage, agentId, 24 * 3600_000);
}

/** Counts acknowledged messages that are not in the conversation's stored timeline. */
async function verify(acked: AckedMessages): Promise<{ checked: number; missing: number }> {
  let checked = 0;
  let missing = 0;
  for (const { conversationId, clientIds } of acked) {
    const stored = new Set<string>();
    let after = 0;
    for (let page = 0; page < 10_000; page++) {
      const messages = await h.storage.listMessages(conversationId, after, LIMITS.syncPageSize);
      for (const m of messages) if (m.clientId) stored.add(m.clientId);
      const last = messages.at(-1);
      if (!last || messages.length < LIMITS.syncPageSize) break;
      after = last.seq;
    }
    for (const id of clientIds) {
      checked += 1;
      if (!stored.has(id)) missing += 1;
    }
  }
  return { checked, missing };
}

/** A CPU profile of just the part the orchestrator brackets (BENCH_PROFILE=<file>). */
const inspector = new Session();
async function profileStart() {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
async function profileStop(file: string) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  inspector.disconnect();
}

serveIpc({
  profileStart: () => profileStart(),
  profileStop: (file: string) => profileStop(file),
  start: (options: NodeOptions | null) => start(options ?? {}),
  teams: async ({ count, agentsPerSite }: { count: number; agentsPerSite: number }) => {
    while (teams.length < count) teams.push(await addTeam(teams.length, agentsPerSite));
    return teams.slice(0, count);
  },
  stats: (collect: boolean) => processStats(collect),
  verify: (acked: AckedMessages) => verify(acked),
});
