import { createHash, randomBytes } from 'node:crypto';

/** A single-use token for a link: 256 random bits, URL-safe. Only its hash is stored. */
export const newSecretToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
