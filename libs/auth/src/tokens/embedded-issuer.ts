import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, errors as joseErrors, type JWK, type KeyLike } from 'jose';
import type { Actor, Role } from '@kom/kernel';
import { actorFromClaims, CLAIMS, InvalidTokenError } from './claims';
import { refuseFutureIssuedAt, tokenRefusal } from './token-refusal';
import type { CacheableTokenVerifier, VerifiedToken } from './verified-token-cache';

const ALG = 'EdDSA';
const CLOCK_TOLERANCE_SECONDS = 30;

export interface EmbeddedIssuerOptions {
  /** The private key (JWK), created on first use with mode 0600. */
  readonly keyFile: string;
  readonly issuer: string;
  readonly audience: string;
  /** Injected time, for verification (defaults to the system clock). */
  readonly now?: () => Date;
}

/**
 * The zero-set-up identity provider of embedded mode: an Ed25519 key made on first start and kept
 * (mode 0600) in the data directory, so that `kom token` and the API agree without any server.
 * Replicas that should accept each other's tokens share the key file (KOM_AUTH_KEY_FILE).
 * Production verifies an OIDC issuer's tokens instead.
 */
export class EmbeddedIssuer implements CacheableTokenVerifier {
  private constructor(
    private readonly options: EmbeddedIssuerOptions,
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    readonly keyId: string,
  ) {}

  static async open(options: EmbeddedIssuerOptions): Promise<EmbeddedIssuer> {
    const file = options.keyFile;
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
      const jwk = await exportJWK(privateKey);
      const kid = `kom-${new Date().toISOString().slice(0, 10)}-${jwk.x?.slice(0, 8)}`;
      // 'wx' fails if another process created the key meanwhile; then we read theirs.
      try {
        writeFileSync(file, JSON.stringify({ ...jwk, kid, alg: ALG }), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    chmodSync(file, 0o600);
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
    const privateKey = (await importJWK(jwk, ALG)) as KeyLike;
    const { d: _secret, ...publicJwk } = jwk;
    const publicKey = (await importJWK(publicJwk, ALG)) as KeyLike;
    return new EmbeddedIssuer(options, privateKey, publicKey, jwk.kid);
  }

  async issue(actor: { userId: string; organizationId: string; role: Role }, ttlSeconds = 8 * 3600): Promise<string> {
    return new SignJWT({ [CLAIMS.organization]: actor.organizationId, [CLAIMS.role]: actor.role })
      .setProtectedHeader({ alg: ALG, kid: this.keyId, typ: 'JWT' })
      .setSubject(actor.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.privateKey);
  }

  async verify(token: string): Promise<Actor> {
    return (await this.verifyToken(token)).actor;
  }

  async verifyToken(token: string): Promise<VerifiedToken> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.publicKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [ALG],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // Every token this issuer makes expires; one without `exp` was not made here as issued.
        requiredClaims: ['exp'],
        currentDate: this.options.now?.(),
      });
      refuseFutureIssuedAt(payload, this.options.now?.() ?? new Date(), CLOCK_TOLERANCE_SECONDS);
      return { actor: actorFromClaims(payload), validUntilMs: payload.exp! * 1000, keyId: protectedHeader.kid === this.keyId ? this.keyId : undefined };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JOSEError) throw tokenRefusal(error);
      throw error;
    }
  }

  /** The embedded key set is this one key (a new key file takes a restart). */
  trustsKey(keyId: string): boolean {
    return keyId === this.keyId;
  }
}
