import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';

export interface SigningKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface KeyRingStore {
  loadUsable(retiredAfter: Date): Promise<SigningKey[]>;
  rotate(next: SigningKey, previousKid: string | undefined): Promise<boolean>;
}

export interface KeyRingOptions {
  store: KeyRingStore;
  rotateAfterMs: number;
  /** The longest lifetime of any token signed (refresh tokens): a retired key stays published this long. */
  keepRetiredMs: number;
  now?: () => Date;
}

/**
 * The ES256 keys auth signs with. One is active; on rotation the previous one is retired but stays in
 * the JWKS until every token it signed has expired, so rotating logs nobody out. Keys live in the auth
 * database, so replicas share them; `refresh` picks up a rotation made by another replica.
 */
export class KeyRing {
  private keys: SigningKey[] = [];
  private signer?: { kid: string; key: CryptoKey | Uint8Array };
  private verifierSet: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });
  private readonly now: () => Date;

  constructor(private readonly options: KeyRingOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Loads the keys, creating or rotating the active one when it is missing or old. */
  async refresh(): Promise<void> {
    await this.load();
    const active = this.active();
    if (!active || this.now().getTime() - active.createdAt.getTime() >= this.options.rotateAfterMs) {
      await this.options.store.rotate(await newKey(this.now()), active?.kid);
      await this.load();
    }
  }

  async sign(payload: JWTPayload, expiresInS: number): Promise<string> {
    if (!this.signer) throw new Error('KeyRing.refresh() must run before signing');
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: this.signer.kid, typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresInS)
      .setJti(randomUUID())
      .sign(this.signer.key);
  }

  /** The public keys, as served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: 'ES256', use: 'sig' })) };
  }

  /** For verifying inside auth without fetching its own JWKS. */
  readonly verificationKeys: JWTVerifyGetKey = (header, token) => this.verifierSet(header, token);

  get activeKid(): string | undefined {
    return this.active()?.kid;
  }

  private active() {
    return this.keys.find((k) => !k.retiredAt);
  }

  private async load() {
    const retiredAfter = new Date(this.now().getTime() - this.options.keepRetiredMs);
    this.keys = await this.options.store.loadUsable(retiredAfter);
    const active = this.active();
    this.signer = active ? { kid: active.kid, key: await importJWK(active.privateJwk, 'ES256') } : undefined;
    this.verifierSet = createLocalJWKSet(this.jwks());
  }
}

async function newKey(now: Date): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    kid: randomUUID(),
    publicJwk: await exportJWK(publicKey),
    privateJwk: await exportJWK(privateKey),
    createdAt: now,
    retiredAt: null,
  };
}
