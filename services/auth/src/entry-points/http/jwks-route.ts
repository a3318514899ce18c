import { Router } from 'express';
import type { KeyRing } from '../../domain/key-ring.js';

/** Public keys for verifying access tokens; cached briefly, so a rotation reaches verifiers fast. */
export function jwksRoute(keyRing: KeyRing) {
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(keyRing.jwks());
  });
  return router;
}
