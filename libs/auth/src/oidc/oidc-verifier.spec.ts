import { SignJWT, generateKeyPair, exportSPKI } from 'jose';
import { LoopbackIdentityProvider, unsignedToken } from '../testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { IdentityProviderUnavailableError, InvalidTokenError } from '../tokens/claims';
import { OidcVerifier } from './oidc-verifier';

describe('OidcVerifier against a JWKS served on loopback', () => {
  let idp: LoopbackIdentityProvider;
  let verifier: OidcVerifier;
  const claims = { sub: 'sara', kom_org: 'org-pod', kom_role: 'SECRETARIAT' };
  const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

  beforeAll(async () => {
    idp = await LoopbackIdentityProvider.start();
  });
  afterAll(() => idp.stop());
  beforeEach(() => {
    verifier = new OidcVerifier({
      issuer: idp.issuer,
      audience: 'kom-platform',
      jwksUrl: idp.jwksUrl,
      algorithms: ['RS256', 'ES256', 'EdDSA'],
      clockToleranceSeconds: 30,
      mapping: { user: 'sub', organization: 'kom_org', role: 'kom_role' },
      jwksCooldownMs: 0,
    });
  });

  const refusal = async (token: string) => {
    const error = await verifier.verify(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as Error).message;
  };

  it('accepts a valid token and maps its claims to the actor', async () => {
    await expect(verifier.verify(await idp.token(claims))).resolves.toEqual(actor);
  });

  it('follows a key rotation: a token with a new kid makes it fetch the key set again', async () => {
    await expect(verifier.verify(await idp.token(claims))).resolves.toEqual(actor);
    const before = idp.fetches;
    const kid = await idp.rotate('ES256');
    const rotated = await idp.token(claims);
    expect(JSON.parse(Buffer.from(rotated.split('.')[0], 'base64url').toString()).kid).toBe(kid);
    await expect(verifier.verify(rotated)).resolves.toEqual(actor);
    expect(idp.fetches).toBe(before + 1);
    await idp.rotate('EdDSA');
    await expect(verifier.verify(await idp.token(claims))).resolves.toEqual(actor);
  });

  it('refuses an expired token (beyond the clock tolerance)', async () => {
    const expired = await idp.token(claims, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await refusal(expired)).toBe('token expired');
    const justExpired = await idp.token(claims, { expiresIn: Math.floor(Date.now() / 1000) - 5 });
    await expect(verifier.verify(justExpired)).resolves.toEqual(actor); // within 30 s tolerance
  });

  it('refuses a token without an expiry', async () => {
    const key = idp.currentKey;
    const endless = await new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuer(idp.issuer)
      .setAudience('kom-platform')
      .sign(key.privateKey);
    expect(await refusal(endless)).toMatch(/exp/);
  });

  it('refuses a token for another audience', async () => {
    expect(await refusal(await idp.token(claims, { audience: 'another-api' }))).toBe('token claim "aud" is not accepted');
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusal(await idp.token(claims, { issuer: 'https://evil.test' }))).toBe('token claim "iss" is not accepted');
  });

  it('refuses alg: none', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refusal(unsignedToken({ ...claims, iss: idp.issuer, aud: 'kom-platform', iat: now, exp: now + 600 }));
  });

  it('refuses an HS256 token "signed" with the public key bytes (algorithm confusion)', async () => {
    await idp.rotate('RS256');
    const pem = await exportSPKI((await (await import('jose')).importJWK(idp.currentKey.publicJwk, 'RS256')) as never);
    for (const secret of [Buffer.from(pem), Buffer.from(JSON.stringify(idp.currentKey.publicJwk))]) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: idp.currentKey.kid })
        .setIssuer(idp.issuer)
        .setAudience('kom-platform')
        .setExpirationTime('10m')
        .sign(new Uint8Array(secret));
      expect(await refusal(forged)).toBe('token algorithm is not accepted');
    }
  });

  it('refuses a token signed by a key the provider never published, even with a published kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: idp.currentKey.kid })
      .setIssuer(idp.issuer)
      .setAudience('kom-platform')
      .setExpirationTime('10m')
      .sign(privateKey);
    await refusal(forged);
  });

  it('never accepts symmetric algorithms or none in its configuration', () => {
    for (const algorithms of [['HS256'], ['none'], [], ['RS256', 'HS512']]) {
      expect(() => new OidcVerifier({ ...baseOptions(), algorithms })).toThrow(/asymmetric/);
    }
  });

  it('fails closed when the key set cannot be fetched, as unavailable (not as a bad token), and logs why', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const broken = createServer((req, res) => res.writeHead(req.url === '/error' ? 500 : 200, { 'content-type': 'application/json' }).end('{"not":"a key set"}'));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const { port } = broken.address() as AddressInfo;
    try {
      for (const jwksUrl of ['http://127.0.0.1:9/jwks', `http://127.0.0.1:${port}/error`, `http://127.0.0.1:${port}/other`]) {
        logged.mockClear();
        const offline = new OidcVerifier({ ...baseOptions(), jwksUrl, jwksTimeoutMs: 500 });
        const error = await offline.verify(await idp.token(claims)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
        expect(logged).toHaveBeenCalledWith(expect.stringContaining(`identity provider key set unavailable (${jwksUrl})`));
      }
    } finally {
      logged.mockRestore();
      await new Promise((resolve) => broken.close(resolve));
    }
  });

  it('refuses a token issued in the future (beyond the clock tolerance), also without a maximum age', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await idp.token(claims, { issuedAt: now + 3600, expiresIn: now + 7200 });
    const error = await verifier.verify(future).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'TOKEN_ISSUED_IN_FUTURE' });
    await expect(verifier.verify(await idp.token(claims, { issuedAt: now + 10 }))).resolves.toEqual(actor); // within tolerance
  });

  it('refuses a token issued longer ago than the maximum age, whatever its expiry', async () => {
    const aged = new OidcVerifier({ ...baseOptions(), maxTokenAgeSeconds: 3600 });
    const now = Math.floor(Date.now() / 1000);
    const old = await idp.token(claims, { issuedAt: now - 7200, expiresIn: now + 600 });
    expect(await aged.verify(old).catch((e: unknown) => e)).toMatchObject({ reason: 'TOKEN_TOO_OLD', message: 'token was issued too long ago' });
    await expect(aged.verify(await idp.token(claims, { issuedAt: now - 1800 }))).resolves.toEqual(actor);
    await expect(verifier.verify(old)).resolves.toEqual(actor); // no maximum age configured
  });

  it('with a maximum age, refuses a token without iat', async () => {
    const key = idp.currentKey;
    const noIat = await new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid }).setIssuer(idp.issuer).setAudience('kom-platform').setExpirationTime('10m').sign(key.privateKey);
    const aged = new OidcVerifier({ ...baseOptions(), maxTokenAgeSeconds: 3600 });
    expect(await aged.verify(noIat).catch((e: unknown) => e)).toMatchObject({ reason: 'TOKEN_CLAIMS_REFUSED' });
  });

  const baseOptions = () => ({
    issuer: idp.issuer,
    audience: 'kom-platform',
    jwksUrl: idp.jwksUrl,
    algorithms: ['RS256'],
    clockToleranceSeconds: 30,
    mapping: { user: 'sub', organization: 'kom_org', role: 'kom_role' },
  });
});
