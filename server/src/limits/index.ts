/** Abuse limits: token-bucket budgets, coalescing, and the client address they are counted against. */
export { Budgets, rateLimited, type Sender, scaleRateLimits } from './budgets.ts';
export {
  addressKey,
  clientAddress,
  normalizeAddress,
  parseTrustProxy,
  TRUST_NOBODY,
  type TrustProxy,
} from './client-address.ts';
export { Coalescer } from './coalescer.ts';
export { RateLimiter, type RateLimiterOptions, type Verdict } from './rate-limiter.ts';
