import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { LoopbackIdentityProvider } from '../testing';
import { OidcVerifier } from '../oidc/oidc-verifier';
import { InvalidTokenError } from './claims';
import { EmbeddedIssuer } from './embedded-issuer';
import { VerifiedTokenCache } from './verified-token-cache';

const refusal = async (promise: Promise<unknown>): Promise<InvalidTokenError> => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
};

describe('VerifiedTokenCache over the embedded issuer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kom-token-cache-'));
  let nowMs = Date.parse('2027-03-01T10:00:00.000Z');
  let issuer: EmbeddedIssuer;
  let verifications: number;
  let cache: VerifiedTokenCache;
  const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' as const };

  beforeAll(async () => {
    issuer = await EmbeddedIssuer.open({ keyFile: join(dir, 'key.json'), issuer: 'kom', audience: 'kom-platform', now: () => new Date(nowMs) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    nowMs = Date.parse('2027-03-01T10:00:00.000Z');
    verifications = 0;
    const counted = Object.create(issuer) as EmbeddedIssuer;
    counted.verifyToken = (token: string) => {
      verifications++;
      return issuer.verifyToken(token);
    };
    cache = new VerifiedTokenCache(counted, { now: () => nowMs, maxEntries: 2 });
  });

  /** A token issued at the cache's "now" (jose's SignJWT reads the system clock for iat/exp). */
  const tokenAt = async (ttlSeconds: number, who = actor): Promise<string> => {
    jest.useFakeTimers({ now: nowMs, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      return await issuer.issue(who, ttlSeconds);
    } finally {
      jest.useRealTimers();
    }
  };

  it('verifies a token once and answers the same actor from memory after that', async () => {
    const token = await tokenAt(600);
    await expect(cache.verify(token)).resolves.toEqual(actor);
    await expect(cache.verify(token)).resolves.toEqual(actor);
    await expect(cache.verify(token)).resolves.toEqual(actor);
    expect(verifications).toBe(1);
  });

  it('refuses an expired token even though it was cached', async () => {
    const token = await tokenAt(60);
    await expect(cache.verify(token)).resolves.toEqual(actor);
    nowMs += 60_000 + 31_000; // past exp and the 30 s clock tolerance
    expect((await refusal(cache.verify(token))).reason).toBe('TOKEN_EXPIRED');
    expect(verifications).toBe(2);
    expect((await refusal(cache.verify(token))).reason).toBe('TOKEN_EXPIRED');
  });

  it('asks the verifier again once exp has passed, even within the clock tolerance', async () => {
    const token = await tokenAt(60);
    await cache.verify(token);
    nowMs += 61_000;
    await expect(cache.verify(token)).resolves.toEqual(actor); // the verifier's tolerance, not the cache
    await expect(cache.verify(token)).resolves.toEqual(actor);
    expect(verifications).toBe(3); // nothing past exp is kept
  });

  it('refuses a token signed by an unknown key, every time (refusals are not cached)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ kom_org: 'org-pod', kom_role: 'SECRETARIAT' })
      .setProtectedHeader({ alg: 'EdDSA', kid: issuer.keyId })
      .setSubject('sara')
      .setIssuer('kom')
      .setAudience('kom-platform')
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(nowMs / 1000) + 600)
      .sign(privateKey);
    expect((await refusal(cache.verify(forged))).reason).toBe('TOKEN_INVALID');
    expect((await refusal(cache.verify(forged))).reason).toBe('TOKEN_INVALID');
    expect(verifications).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps a bounded number of tokens, dropping the least recently used', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((u) => tokenAt(600, { ...actor, userId: u })));
    await cache.verify(a!);
    await cache.verify(b!);
    await cache.verify(a!); // a is now the most recently used
    await cache.verify(c!); // b goes
    expect(cache.size).toBe(2);
    expect(verifications).toBe(3);
    await expect(cache.verify(a!)).resolves.toMatchObject({ userId: 'a' });
    expect(verifications).toBe(3);
    await expect(cache.verify(b!)).resolves.toMatchObject({ userId: 'b' });
    expect(verifications).toBe(4);
  });

  it('never answers one token with another token’s actor', async () => {
    const sara = await tokenAt(600);
    const nils = await tokenAt(600, { userId: 'nils', organizationId: 'org-nav', role: 'AGENCY_MEMBER' as never });
    await cache.verify(sara);
    await expect(cache.verify(nils)).resolves.toMatchObject({ userId: 'nils', organizationId: 'org-nav' });
    await expect(cache.verify(sara)).resolves.toMatchObject({ userId: 'sara', organizationId: 'org-pod' });
  });
});

describe('VerifiedTokenCache over an OIDC provider’s key set (loopback)', () => {
  let idp: LoopbackIdentityProvider;
  const claims = { sub: 'sara', kom_org: 'org-pod', kom_role: 'SECRETARIAT' };
  const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };
  const oidc = (options: { jwksCacheMaxAgeMs?: number } = {}) =>
    new OidcVerifier({
      issuer: idp.issuer,
      audience: 'kom-platform',
      jwksUrl: idp.jwksUrl,
      algorithms: ['RS256', 'ES256', 'EdDSA'],
      clockToleranceSeconds: 30,
      mapping: { user: 'sub', organization: 'kom_org', role: 'kom_role' },
      jwksCooldownMs: 0,
      ...options,
    });

  beforeEach(async () => {
    idp = await LoopbackIdentityProvider.start();
  });
  afterEach(() => idp.stop());

  it('refuses a cached token once its key has left the key set', async () => {
    const cache = new VerifiedTokenCache(oidc());
    const oldKid = idp.currentKey.kid;
    const early = await idp.token(claims);
    await expect(cache.verify(early)).resolves.toEqual(actor);
    await expect(cache.verify(early)).resolves.toEqual(actor);
    const fetches = idp.fetches;

    // The provider rotates and withdraws the old key; a token with the new kid makes the verifier fetch the set.
    await idp.rotate('ES256');
    idp.retire(oldKid);
    await expect(cache.verify(await idp.token(claims))).resolves.toEqual(actor);
    expect(idp.fetches).toBeGreaterThan(fetches);

    const refused = await refusal(cache.verify(early));
    expect(refused.reason).toBe('TOKEN_INVALID');
    expect(refused.message).toBe('token is not signed by a key of the identity provider');
  });

  it('verifies afresh once the key set is due to be fetched again, so a withdrawn key is noticed without other traffic', async () => {
    const cache = new VerifiedTokenCache(oidc({ jwksCacheMaxAgeMs: 0 })); // always due
    const oldKid = idp.currentKey.kid;
    const token = await idp.token(claims);
    await expect(cache.verify(token)).resolves.toEqual(actor);
    await idp.rotate('EdDSA');
    idp.retire(oldKid);
    expect((await refusal(cache.verify(token))).reason).toBe('TOKEN_INVALID');
  });

  it('refuses a token whose key id the provider never published', async () => {
    const cache = new VerifiedTokenCache(oidc());
    const key = idp.currentKey;
    const unknownKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: 'revoked-or-unknown' })
      .setIssuer(idp.issuer)
      .setAudience('kom-platform')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);
    expect((await refusal(cache.verify(unknownKid))).reason).toBe('TOKEN_INVALID');
    expect(cache.size).toBe(0);
  });
});
