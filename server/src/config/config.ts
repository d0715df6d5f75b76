/**
 * Configuration: read from the environment once, validated, typed. Nothing else reads process.env.
 * A bad value stops the start with a message naming the variable and what it accepts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RATE_LIMITS, type RateLimits } from '@frontdesk/shared';
import type { S3Settings } from '../attachments/s3-file-store.ts';
import { parseTrustProxy, scaleRateLimits, type TrustProxy } from '../limits/index.ts';
import type { DatabaseTarget } from '../storage/open.ts';

export type Config = {
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  database: DatabaseTarget;
  secret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built widget, console and demo are served from. */
  assets: { widget: string; console: string; demo: string };
  /** Proxies whose `X-Forwarded-For` / `Forwarded` name the client (`TRUST_PROXY`). */
  trustProxy: TrustProxy;
  /** Every budget (`RATE_LIMITS` times `RATE_LIMIT_SCALE`). */
  rateLimits: RateLimits;
  /** E-mail as a channel (issue 10): see `parseMail`. */
  mail: MailConfig;
  /** Issue 11 (redis): `REDIS_URL` and `REDIS_PREFIX`; null: this node keeps everything in memory. */
  redis: RedisConfig | null;
  /** Issue 13: where attachment files are kept (see `parseAttachments`). */
  attachments: AttachmentsConfig;
  /** Issue 15 (ops): who may read Prometheus `/metrics` (see `parseMetrics`). */
  metrics: MetricsConfig;
};

/**
 * Issue 15: `METRICS_TOKEN` (≥ 16 characters) serves `/metrics` on the main port to
 * `Authorization: Bearer <token>` only; `METRICS_BIND` (`host:port`) serves it on that address
 * alone (the token, if set, is asked there too). Neither: no `/metrics` at all.
 */
export type MetricsConfig = { token: string | null; bind: { host: string; port: number } | null };

/** Issue 13: a local directory (`ATTACHMENTS_DIR`, default `<DATA_DIR>/attachments`) or an S3 bucket. */
export type AttachmentsConfig = { kind: 'local'; dir: string } | { kind: 's3'; s3: S3Settings };

/** Issue 11 (redis): where the nodes meet. `prefix` starts every key and channel (several installs, tests). */
export type RedisConfig = { url: string; prefix: string };

export type MailConfig = {
  /** `SMTP_URL` (a nodemailer URL, smtp:// or smtps://); null: mail waits in the outbox. */
  smtpUrl: string | null;
  /** `MAIL_FROM`: the sender's address and its default display name. */
  from: { name: string; address: string };
  /** `SMTP_INBOUND_PORT`: where the inbound SMTP listener takes replies; null: not started. */
  inboundPort: number | null;
  /** `MAIL_REPLY_DOMAIN`, else the domain of `MAIL_FROM`: reply addresses are `reply+…@` it. */
  replyDomain: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The repository root: data and built assets are found relative to it, whatever the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be an absolute http(s) URL such as https://chat.example.com, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https://, got "${raw}"`);
  }
  return url;
}

function parseDatabase(
  raw: string | undefined,
  poolSize: string | undefined,
  dataDir: string,
): DatabaseTarget {
  if (raw === undefined || raw === '') return { engine: 'sqlite', file: join(dataDir, 'frontdesk.db') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '')
      throw new ConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/frontdesk.db');
    return {
      engine: 'sqlite',
      file: file === ':memory:' || isAbsolute(file) ? file : resolve(REPO_ROOT, file),
    };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    return { engine: 'postgres', url: raw, poolSize: parsePoolSize(poolSize) };
  }
  throw new ConfigError(`DATABASE_URL must be sqlite:<file> or postgres://…, got "${raw}"`);
}

function parsePoolSize(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const size = Number(raw);
  if (!/^\d+$/.test(raw) || size < 1 || size > 1000) {
    throw new ConfigError(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${raw}"`);
  }
  return size;
}

/** Uses SECRET if set, else the one persisted under the data dir, else makes and persists one. */
function loadSecret(raw: string | undefined, dataDir: string): string {
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SECRET must be at least 32 characters long');
    return raw;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function parseTrust(raw: string | undefined): TrustProxy {
  try {
    return parseTrustProxy(raw);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY: ${(error as Error).message}, got "${raw}"`);
  }
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(scale > 0) || scale > 1_000_000) {
    throw new ConfigError(`RATE_LIMIT_SCALE must be a positive number up to 1000000 (e.g. 2), got "${raw}"`);
  }
  return scale;
}

const DEFAULT_MAIL_FROM = 'Frontdesk <frontdesk@localhost>';

function parseMailFrom(raw: string | undefined): MailConfig['from'] {
  const value = raw || DEFAULT_MAIL_FROM;
  const match = /^\s*(?:([^<>\r\n]*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/.exec(value);
  if (!match) {
    throw new ConfigError(`MAIL_FROM must be an address or "Name <address>", got "${value}"`);
  }
  const address = match[2] ?? match[3] ?? '';
  return { name: (match[1] ?? '').replace(/^"|"$/g, '').trim() || 'Frontdesk', address };
}

function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `SMTP_URL must be a URL such as smtp://user:pass@mail.example.com:587, got "${raw}"`,
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//…"`);
  }
  return raw;
}

function parseInboundPort(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`SMTP_INBOUND_PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseMail(env: Readonly<Record<string, string | undefined>>): MailConfig {
  const from = parseMailFrom(env.MAIL_FROM);
  const replyDomain = (env.MAIL_REPLY_DOMAIN || from.address.split('@')[1] || '').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(replyDomain)) {
    throw new ConfigError(
      `MAIL_REPLY_DOMAIN must be a domain name such as mail.example.com, got "${replyDomain}"`,
    );
  }
  return {
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    from,
    inboundPort: parseInboundPort(env.SMTP_INBOUND_PORT),
    replyDomain,
  };
}

// Issue 11 (redis)
function parseRedis(url: string | undefined, prefix: string | undefined): RedisConfig | null {
  if (url === undefined || url === '') return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError(`REDIS_URL must be redis://host:port[/db] or rediss://…, got "${url}"`);
  }
  const value = prefix || 'frontdesk';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) {
    throw new ConfigError(`REDIS_PREFIX must be 1 to 64 letters, digits or _ . : -, got "${value}"`);
  }
  return { url, prefix: value };
}

/**
 * Issue 13: `ATTACHMENTS_S3_BUCKET` switches attachment files to an S3-compatible bucket
 * (`ATTACHMENTS_S3_REGION`, `_ENDPOINT`, `_FORCE_PATH_STYLE`, `_PREFIX`, `_ACCESS_KEY_ID`,
 * `_SECRET_ACCESS_KEY`); without it they go to `ATTACHMENTS_DIR` (default `<DATA_DIR>/attachments`).
 */
function parseAttachments(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): AttachmentsConfig {
  const bucket = env.ATTACHMENTS_S3_BUCKET;
  if (!bucket) {
    const dir = env.ATTACHMENTS_DIR ? resolve(REPO_ROOT, env.ATTACHMENTS_DIR) : join(dataDir, 'attachments');
    return { kind: 'local', dir };
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(`ATTACHMENTS_S3_BUCKET must be an S3 bucket name, got "${bucket}"`);
  const endpoint = env.ATTACHMENTS_S3_ENDPOINT || null;
  if (endpoint) parseUrl('ATTACHMENTS_S3_ENDPOINT', endpoint);
  const keyId = env.ATTACHMENTS_S3_ACCESS_KEY_ID;
  const secret = env.ATTACHMENTS_S3_SECRET_ACCESS_KEY;
  if (Boolean(keyId) !== Boolean(secret))
    throw new ConfigError('ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY go together');
  const prefix = env.ATTACHMENTS_S3_PREFIX ?? '';
  if (prefix && !/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(prefix))
    throw new ConfigError(`ATTACHMENTS_S3_PREFIX must be letters, digits, _ - and /, got "${prefix}"`);
  return {
    kind: 's3',
    s3: {
      bucket,
      region: env.ATTACHMENTS_S3_REGION || 'us-east-1',
      endpoint,
      forcePathStyle:
        env.ATTACHMENTS_S3_FORCE_PATH_STYLE === 'true' || env.ATTACHMENTS_S3_FORCE_PATH_STYLE === '1',
      prefix,
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : null,
    },
  };
}

function parseMetrics(token: string | undefined, bind: string | undefined): MetricsConfig {
  if (token !== undefined && token !== '' && token.length < 16)
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters long');
  let address: MetricsConfig['bind'] = null;
  if (bind !== undefined && bind !== '') {
    const match = /^(.+):(\d{1,5})$/.exec(bind);
    const port = Number(match?.[2]);
    if (!match?.[1] || port > 65535)
      throw new ConfigError(`METRICS_BIND must be host:port, e.g. 127.0.0.1:9464, got "${bind}"`);
    address = { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
  }
  return { token: token || null, bind: address };
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '0.0.0.0';
  const dataDir = env.DATA_DIR ? resolve(REPO_ROOT, env.DATA_DIR) : join(REPO_ROOT, 'data');
  const publicUrl = parseUrl('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`);
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return {
    port,
    host,
    publicUrl,
    dataDir,
    database: parseDatabase(env.DATABASE_URL, env.DATABASE_POOL_SIZE, dataDir),
    secret: loadSecret(env.SECRET, dataDir),
    logLevel,
    assets: {
      widget: join(REPO_ROOT, 'widget', 'dist'),
      console: join(REPO_ROOT, 'server', 'console', 'dist'),
      demo: join(REPO_ROOT, 'demo', 'site'),
    },
    trustProxy: parseTrust(env.TRUST_PROXY),
    rateLimits: scaleRateLimits(RATE_LIMITS, parseScale(env.RATE_LIMIT_SCALE)),
    mail: parseMail(env),
    redis: parseRedis(env.REDIS_URL, env.REDIS_PREFIX),
    attachments: parseAttachments(env, dataDir),
    metrics: parseMetrics(env.METRICS_TOKEN, env.METRICS_BIND),
  };
}
