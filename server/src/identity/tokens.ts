/** Random bearer tokens (visitor tokens, agent sessions): only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the shape `VisitorTokenSchema` accepts. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
