import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RATE_LIMITS } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'frontdesk-config-'));

describe('loadConfig', () => {
  it('has working defaults and persists a generated secret', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.publicUrl.href).toBe('http://localhost:3000/');
    expect(config.database).toEqual({ engine: 'sqlite', file: join(dir, 'frontdesk.db') });
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(config.secret);
    expect(loadConfig({ DATA_DIR: dir }).secret).toBe(config.secret);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://chat.example.com',
      DATABASE_URL: 'sqlite:/tmp/x.db',
      SECRET: 's'.repeat(40),
      LOG_LEVEL: 'warn',
      DATA_DIR: tmp(),
    });
    expect(config).toMatchObject({ port: 8080, logLevel: 'warn', secret: 's'.repeat(40) });
    expect(config.publicUrl.origin).toBe('https://chat.example.com');
    expect(config.database).toEqual({ engine: 'sqlite', file: '/tmp/x.db' });
  });

  it('reads a PostgreSQL DATABASE_URL and its pool size', () => {
    const url = 'postgresql://frontdesk@db.internal:5432/frontdesk';
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: url }).database).toEqual({
      engine: 'postgres',
      url,
      poolSize: undefined,
    });
    expect(
      loadConfig({ DATA_DIR: tmp(), DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).database,
    ).toMatchObject({ engine: 'postgres', poolSize: 25 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be an absolute/],
    [{ PUBLIC_URL: 'ftp://x' }, /PUBLIC_URL must start with http/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be sqlite/],
    [{ DATABASE_URL: 'postgres://localhost/x', DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE must be/],
    [{ DATABASE_URL: 'postgres://localhost/x', DATABASE_POOL_SIZE: 'lots' }, /DATABASE_POOL_SIZE/],
    [{ SECRET: 'short' }, /SECRET must be at least 32/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY: "everyone" is not an IP address/],
    [{ TRUST_PROXY: '10.0.0.0/40' }, /TRUST_PROXY/],
    [{ RATE_LIMIT_SCALE: '0' }, /RATE_LIMIT_SCALE must be a positive number/],
    [{ RATE_LIMIT_SCALE: 'off' }, /RATE_LIMIT_SCALE/],
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL must be a URL/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM must be an address/],
    [{ SMTP_INBOUND_PORT: '99999' }, /SMTP_INBOUND_PORT must be a whole number/],
    [{ MAIL_REPLY_DOMAIN: 'bad domain!' }, /MAIL_REPLY_DOMAIN must be a domain/],
    // Issue 11 (redis)
    [{ REDIS_URL: 'http://cache:6379' }, /REDIS_URL must be redis:\/\/host:port/],
    [{ REDIS_URL: 'redis://cache:6379', REDIS_PREFIX: 'has space' }, /REDIS_PREFIX must be/],
  ])('rejects %o with a clear message', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(message);
  });

  it('issue 11: no Redis by default; REDIS_URL and REDIS_PREFIX say where the nodes meet', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).redis).toBeNull();
    expect(loadConfig({ DATA_DIR: tmp(), REDIS_URL: 'redis://cache:6379/2' }).redis).toEqual({
      url: 'redis://cache:6379/2',
      prefix: 'frontdesk',
    });
    expect(
      loadConfig({ DATA_DIR: tmp(), REDIS_URL: 'rediss://:pw@cache:6380', REDIS_PREFIX: 'shop-a' }).redis,
    ).toEqual({ url: 'rediss://:pw@cache:6380', prefix: 'shop-a' });
  });

  it('L3 trusts no proxy by default; TRUST_PROXY names them; RATE_LIMIT_SCALE scales every budget', () => {
    const plain = loadConfig({ DATA_DIR: tmp() });
    expect(plain.trustProxy.trusts('127.0.0.1')).toBe(false);
    expect(plain.rateLimits).toBe(RATE_LIMITS);
    const behind = loadConfig({
      DATA_DIR: tmp(),
      TRUST_PROXY: 'loopback, 10.1.0.0/16',
      RATE_LIMIT_SCALE: '2.5',
    });
    expect(behind.trustProxy.trusts('::1')).toBe(true);
    expect(behind.trustProxy.trusts('10.1.2.3')).toBe(true);
    expect(behind.trustProxy.trusts('10.2.0.1')).toBe(false);
    expect(behind.rateLimits.http.api.perMinute).toBe(RATE_LIMITS.http.api.perMinute * 2.5);
  });

  it('mail: off by default (mail waits in the outbox); MAIL_FROM names the sender and the reply domain', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).mail).toEqual({
      smtpUrl: null,
      from: { name: 'Frontdesk', address: 'frontdesk@localhost' },
      inboundPort: null,
      replyDomain: 'localhost',
    });
    const mail = loadConfig({
      DATA_DIR: tmp(),
      SMTP_URL: 'smtps://u:p@smtp.example:465',
      MAIL_FROM: '"Nordic Nest" <help@Shop.example>',
      SMTP_INBOUND_PORT: '2525',
    }).mail;
    expect(mail).toEqual({
      smtpUrl: 'smtps://u:p@smtp.example:465',
      from: { name: 'Nordic Nest', address: 'help@Shop.example' },
      inboundPort: 2525,
      replyDomain: 'shop.example',
    });
    expect(loadConfig({ DATA_DIR: tmp(), MAIL_REPLY_DOMAIN: 'in.shop.example' }).mail.replyDomain).toBe(
      'in.shop.example',
    );
  });
});
