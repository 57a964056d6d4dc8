import { createHash, randomBytes } from 'node:crypto';

/** Only hashes of bearer secrets (sessions, switch tokens) are stored: a leaked table grants nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const newToken = (): string => randomBytes(32).toString('base64url');
