export * from './claims.js';
export * from './require-auth.js';
export * from './token-verifier.js';
