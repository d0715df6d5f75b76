import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { IDENTITY_SNIPPETS } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';

/** The snippets the site settings show (issue 12), run as written where the language is at hand. */
const SECRET_ENV = 'FRONTDESK_IDENTITY_SECRET';
const expected = (secret: string, userId: string) =>
  createHmac('sha256', secret).update(userId).digest('hex');

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    console.warn('[test] python3 not found: the Python snippet is checked as text only');
    return false;
  }
})();

describe('identity snippets shown in the site settings', () => {
  it('the Node snippet, run as written, gives the hex HMAC-SHA256 of the user id', () => {
    const secret = 'site-secret-for-the-test';
    const body = IDENTITY_SNIPPETS.node.replace(/^import .*$/m, '').concat('\nreturn userHash;');
    const run = new Function('createHmac', 'process', 'user', body) as (
      hmac: typeof createHmac,
      env: { env: Record<string, string> },
      user: { id: number },
    ) => string;
    expect(run(createHmac, { env: { [SECRET_ENV]: secret } }, { id: 42 })).toBe(expected(secret, '42'));
  });

  it.skipIf(!hasPython)('the Python snippet, run as written, gives the same hash', () => {
    const secret = 'another secret';
    const program = `class User:\n    id = 42\nuser = User()\n${IDENTITY_SNIPPETS.python}\nprint(user_hash)`;
    const out = execFileSync('python3', ['-c', program], { env: { ...process.env, [SECRET_ENV]: secret } });
    expect(String(out).trim()).toBe(expected(secret, '42'));
  });

  it('the PHP snippet uses hash_hmac with SHA-256 and the secret from the environment', () => {
    expect(IDENTITY_SNIPPETS.php).toContain("hash_hmac('sha256'");
    expect(IDENTITY_SNIPPETS.php).toContain(SECRET_ENV);
  });

  it('the page snippet passes the hash to identify', () => {
    expect(IDENTITY_SNIPPETS.page).toContain("Frontdesk('identify'");
    expect(IDENTITY_SNIPPETS.page).toContain('userHash');
  });
});
