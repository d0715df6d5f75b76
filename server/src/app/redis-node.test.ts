/** Issue 11 (redis): what a node without `REDIS_URL` says at start (no Redis needed for this file). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { SINGLE_NODE_WARNING, startRedisNode } from './redis-node.ts';

function capture() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const config = (env: Record<string, string>) =>
  loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'frontdesk-redis-node-')), ...env });

describe('a node without REDIS_URL', () => {
  it('on PostgreSQL starts and warns once that broadcasts, presence and throttles stay on this node', async () => {
    const { logger, lines } = capture();
    const redis = await startRedisNode(config({ DATABASE_URL: 'postgres://db.internal/frontdesk' }), logger);
    expect(redis).toMatchObject({
      node: null,
      adapter: undefined,
      presence: undefined,
      loginGuard: undefined,
    });
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: SINGLE_NODE_WARNING })]);
    expect(SINGLE_NODE_WARNING).toMatch(/broadcasts, presence and throttles stay on this node/);
    await redis.close();
  });

  it('on SQLite (one node by nature) says nothing and runs in memory as before', async () => {
    const { logger, lines } = capture();
    const redis = await startRedisNode(config({}), logger);
    expect(redis.node).toBeNull();
    expect(redis.sessionBudgets).toBeUndefined();
    expect(lines).toEqual([]);
  });
});
