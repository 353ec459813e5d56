import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike } from 'jose';

interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

/**
 * A stand-in OIDC provider for tests: serves its JSON Web Key Set on 127.0.0.1 (an ephemeral port)
 * and signs tokens. `rotate()` publishes a new key (the old one stays published, as providers do
 * during a rotation) and signs with it from then on; `retire()` withdraws a key.
 */
export class LoopbackIdentityProvider {
  private keys: SigningKey[] = [];
  /** How many times the key set was fetched. */
  fetches = 0;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(issuer = 'https://idp.kom.test'): Promise<LoopbackIdentityProvider> {
    let provider!: LoopbackIdentityProvider;
    const server = createServer((req, res) => {
      if (req.url !== '/jwks') {
        res.writeHead(404).end();
        return;
      }
      provider.fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: provider.keys.map((k) => k.publicJwk) }));
    });
    provider = new LoopbackIdentityProvider(server, issuer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await provider.rotate();
    return provider;
  }

  get jwksUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/jwks`;
  }

  get currentKey(): SigningKey {
    return this.keys[this.keys.length - 1];
  }

  /** Publishes a new signing key; tokens are signed with it from now on. */
  async rotate(alg: 'RS256' | 'ES256' | 'EdDSA' = 'RS256'): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true });
    const kid = `test-key-${this.keys.length + 1}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    this.keys.push({ kid, alg, privateKey, publicJwk });
    return kid;
  }

  /** Withdraws a key from the published key set (a revoked key, or the end of a rotation). */
  retire(kid: string): void {
    this.keys = this.keys.filter((key) => key.kid !== kid);
  }

  /** A signed token; `claims` override the defaults, `header` the protected header, `issuedAt` (epoch seconds) the `iat`. */
  async token(
    claims: JWTPayload & Record<string, unknown>,
    options: { audience?: string; issuer?: string; expiresIn?: string | number; issuedAt?: number; header?: Record<string, unknown> } = {},
  ): Promise<string> {
    const key = this.currentKey;
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...options.header })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'kom-platform')
      .setIssuedAt(options.issuedAt)
      .setExpirationTime(options.expiresIn ?? '10m');
    return jwt.sign(key.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** `header.payload.` with `alg: none`: an unsigned token. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}
