/**
 * Issue 11 (redis): the login throttle of `LoginGuard` (TESTPLAN A9) with its counters in Redis, so a
 * lockout reached through one node holds on every node. Same three counters, same limits, same
 * refusal; each attempt is counted by one Lua script (atomic: parallel guesses on several nodes are
 * refused, not checked). Every key has a TTL, so Redis forgets idle counters by itself.
 *
 * Windows run on Redis's own expiry (`PTTL`); the back-off uses the injected clock like `LoginGuard`.
 */
import { LIMITS } from '@frontdesk/shared';
import type { LoginAttempt, LoginGuardOptions, LoginThrottle } from '../identity/login-guard.ts';
import { loginThrottled } from '../identity/login-guard.ts';
import type { Logger } from '../kernel/logger.ts';
import type { RedisNode } from './connection.ts';

/**
 * KEYS: pair, address window, account window, known addresses of the account.
 * ARGV: now, windowMs, maxDelayMs, freeFailures, firstDelayMs, addressLimit, accountLimit, address.
 * Returns { waitMs, countedAccount }: waitMs > 0 refuses (nothing counted).
 */
const BEGIN = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local maxDelayMs = tonumber(ARGV[3])
local free = tonumber(ARGV[4])
local firstDelay = tonumber(ARGV[5])
local addressLimit = tonumber(ARGV[6])
local accountLimit = tonumber(ARGV[7])
local known = false
for _, a in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
  if a == ARGV[8] then known = true end
end
local wait = 0
local pair = redis.call('HMGET', KEYS[1], 'failures', 'last')
local failures = tonumber(pair[1]) or 0
local last = tonumber(pair[2]) or 0
if failures > 0 and now - last >= windowMs + maxDelayMs then failures = 0 end
if failures - free >= 0 then
  local delay = math.min(maxDelayMs, firstDelay * 2 ^ (failures - free))
  wait = math.max(wait, last + delay - now)
end
local function windowWait(key, limit)
  local n = tonumber(redis.call('GET', key)) or 0
  if n < limit then return 0 end
  return math.max(0, redis.call('PTTL', key))
end
wait = math.max(wait, windowWait(KEYS[2], addressLimit))
if not known then wait = math.max(wait, windowWait(KEYS[3], accountLimit)) end
if wait > 0 then return { wait, 0 } end
redis.call('HSET', KEYS[1], 'failures', failures + 1, 'last', now)
redis.call('PEXPIRE', KEYS[1], windowMs + maxDelayMs)
local function count(key)
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, windowMs) end
end
count(KEYS[2])
if not known then count(KEYS[3]) end
return { 0, known and 0 or 1 }
`;

/** KEYS: pair, address window, account window (or the pair again), known. ARGV: address, takes account back. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
local function undo(key)
  if (tonumber(redis.call('GET', key)) or 0) > 0 then redis.call('DECR', key) end
end
undo(KEYS[2])
if ARGV[2] == '1' then undo(KEYS[3]) end
redis.call('LREM', KEYS[4], 0, ARGV[1])
redis.call('RPUSH', KEYS[4], ARGV[1])
redis.call('LTRIM', KEYS[4], -10, -1)
redis.call('PEXPIRE', KEYS[4], ARGV[3])
`;

/** How long an account remembers the addresses it signed in from without a new sign-in. */
const KNOWN_TTL_MS = 90 * 24 * 60 * 60_000;

export class RedisLoginGuard implements LoginThrottle {
  private readonly options: Omit<LoginGuardOptions, 'maxKeys'>;

  constructor(
    private readonly redis: RedisNode,
    options: Partial<Omit<LoginGuardOptions, 'maxKeys'>> = {},
    private readonly clock: () => number = Date.now,
    private readonly logger?: Logger,
  ) {
    this.options = { ...LIMITS.login, ...options };
  }

  private keys(account: string, address: string): string[] {
    const p = `${this.redis.prefix}:login`;
    const a = encodeURIComponent(account);
    const ip = encodeURIComponent(address);
    return [`${p}:pair:${a}:${ip}`, `${p}:address:${ip}`, `${p}:account:${a}`, `${p}:known:${a}`];
  }

  async begin(account: string, address: string): Promise<LoginAttempt> {
    const keys = this.keys(account, address);
    const o = this.options;
    const [waitMs, countedAccount] = (await this.redis.commands.eval(
      BEGIN,
      keys.length,
      ...keys,
      this.clock(),
      o.windowMs,
      o.maxDelayMs,
      o.freeFailures,
      o.firstDelayMs,
      o.addressFailuresPerWindow,
      o.accountFailuresPerWindow,
      address,
    )) as [number, number];
    if (waitMs > 0) throw loginThrottled(waitMs);
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.redis.commands
          .eval(SUCCEEDED, keys.length, ...keys, address, String(countedAccount), KNOWN_TTL_MS)
          .catch((error: unknown) => this.logger?.warn({ err: error }, 'sign-in: counters not reset'));
      },
      failed: () => {
        settled = true;
      },
    };
  }
}
