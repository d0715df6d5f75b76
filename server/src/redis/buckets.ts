/**
 * Issue 11 (redis): token buckets shared by the nodes, for the budgets where one node's count is not
 * enough. Same arithmetic as `RateLimiter.take` (burst, refill per minute, flood = refused cost past
 * `floodFactor × burst`), run atomically by one Lua script per take; each bucket's key expires once
 * it would be full again, so idle keys cost nothing.
 *
 * Which budgets are shared (stated in docs/SCALING.md): new visitor sessions per address and per site
 * (free identities would otherwise multiply by the number of nodes) and sign-in (`RedisLoginGuard`).
 * Socket event budgets stay per node, on the hot path without I/O: a socket lives on one node, so its
 * own and its identity's buckets are counted where it is (an identity with sockets on several nodes
 * gets each node's budget).
 */
import type { Budget, RateLimits } from '@frontdesk/shared';
import type { SessionBudgets } from '../identity/visitor-sessions.ts';
import type { Verdict } from '../limits/index.ts';
import type { RedisNode } from './connection.ts';

/** KEYS: bucket. ARGV: now, burst, perMinute, cost, floodFactor. Returns { ok, retryAfterMs, flood }. */
const TAKE = `
local now = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local perMinute = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local floodFactor = tonumber(ARGV[5])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'excess', 'at')
local tokens = tonumber(b[1]) or burst
local excess = tonumber(b[2]) or 0
local at = tonumber(b[3]) or now
local refill = math.max(0, now - at) * perMinute / 60000
tokens = math.min(burst, tokens + refill)
excess = math.max(0, excess - refill)
local ok = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  ok = 1
else
  excess = excess + cost
  retry = math.ceil((cost - tokens) * 60000 / perMinute)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'excess', tostring(excess), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst + excess) * 60000 / perMinute) + 1000)
local flood = 0
if excess > floodFactor * burst then flood = 1 end
return { ok, retry, flood }
`;

export class RedisBuckets {
  constructor(
    private readonly redis: RedisNode,
    private readonly floodFactor = 10,
    private readonly clock: () => number = Date.now,
  ) {}

  async take(key: string, budget: Budget, cost = 1): Promise<Verdict> {
    const [ok, retryAfterMs, flood] = (await this.redis.commands.eval(
      TAKE,
      1,
      `${this.redis.prefix}:bucket:${key}`,
      this.clock(),
      budget.burst,
      budget.perMinute,
      cost,
      this.floodFactor,
    )) as [number, number, number];
    return ok === 1 ? { ok: true } : { ok: false, retryAfterMs, flood: flood === 1 };
  }
}

/** The new-visitor-session budgets on shared buckets. */
export function sharedSessionBudgets(buckets: RedisBuckets, limits: RateLimits): SessionBudgets {
  return {
    visitorSessionFrom: (address) => buckets.take(`session|a|${address}`, limits.http.visitorSession.address),
    visitorSessionFor: (siteId) => buckets.take(`session|s|${siteId}`, limits.http.visitorSession.site),
  };
}
