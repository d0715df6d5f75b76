import { describe, expect, it } from 'vitest';
import { hashPassword, RECOMMENDED_SCRYPT, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('uses scrypt with the recommended cost and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith(`scrypt$${RECOMMENDED_SCRYPT.N}$8$1$`)).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterx', hash)).toBe(false);
  });

  it('salts every hash and rejects malformed stored values', async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
