import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { EmbeddedIssuer } from './embedded-issuer';
import { InvalidTokenError } from './claims';

describe('EmbeddedIssuer', () => {
  let dir: string;
  let issuer: EmbeddedIssuer;
  const options = () => ({ keyFile: join(dir, 'keys', 'embedded-signing-key.json'), issuer: 'kom-test', audience: 'kom-platform' });
  const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' as const };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kom-issuer-'));
    issuer = await EmbeddedIssuer.open(options());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies its own tokens, also after a restart (the key is kept)', async () => {
    const token = await issuer.issue(actor);
    await expect(issuer.verify(token)).resolves.toEqual(actor);
    const reopened = await EmbeddedIssuer.open(options());
    expect(reopened.keyId).toBe(issuer.keyId);
    await expect(reopened.verify(token)).resolves.toEqual(actor);
  });

  it('refuses an expired token', async () => {
    const token = await issuer.issue(actor, 60);
    const inTenMinutes = await EmbeddedIssuer.open({ ...options(), now: () => new Date(Date.now() + 600_000) });
    await expect(inTenMinutes.verify(token)).rejects.toThrow(new InvalidTokenError('token expired'));
    const inOneMinute = await EmbeddedIssuer.open({ ...options(), now: () => new Date(Date.now() + 60_000) });
    await expect(inOneMinute.verify(token)).resolves.toEqual(actor); // within the 30 s clock tolerance
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const otherAudience = await EmbeddedIssuer.open({ ...options(), audience: 'someone-else' });
    await expect(issuer.verify(await otherAudience.issue(actor))).rejects.toThrow(InvalidTokenError);
    const otherIssuer = await EmbeddedIssuer.open({ ...options(), issuer: 'evil' });
    await expect(issuer.verify(await otherIssuer.issue(actor))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses unsigned tokens and tokens signed with another key', async () => {
    const unsigned = new UnsecuredJWT({ kom_org: 'org-pod', kom_role: 'SECRETARIAT' })
      .setSubject('sara').setIssuer('kom-test').setAudience('kom-platform').setExpirationTime('1h').encode();
    await expect(issuer.verify(unsigned)).rejects.toThrow(InvalidTokenError);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ kom_org: 'org-pod', kom_role: 'SECRETARIAT' })
      .setProtectedHeader({ alg: 'EdDSA', kid: issuer.keyId })
      .setSubject('sara').setIssuer('kom-test').setAudience('kom-platform').setExpirationTime('1h').sign(privateKey);
    await expect(issuer.verify(forged)).rejects.toThrow(InvalidTokenError);
  });

  /** A token signed with the issuer's own key, with whatever claims a test needs. */
  const ownKeyToken = async (shape: (jwt: SignJWT) => SignJWT) => {
    const jwk = JSON.parse(readFileSync(options().keyFile, 'utf8')) as JWK & { kid: string };
    const key = await importJWK(jwk, 'EdDSA');
    const jwt = new SignJWT({ kom_org: 'org-pod', kom_role: 'SECRETARIAT' }).setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid }).setSubject('sara').setIssuer('kom-test').setAudience('kom-platform');
    return shape(jwt).sign(key);
  };

  it('refuses a token without an expiry, even signed with its own key', async () => {
    const endless = await ownKeyToken((jwt) => jwt.setIssuedAt());
    await expect(issuer.verify(endless)).rejects.toMatchObject({ name: 'InvalidTokenError', reason: 'TOKEN_CLAIMS_REFUSED' });
    await expect(issuer.verify(await ownKeyToken((jwt) => jwt.setIssuedAt().setExpirationTime('1h')))).resolves.toEqual(actor);
  });

  it('refuses a token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await ownKeyToken((jwt) => jwt.setIssuedAt(now + 3600).setExpirationTime(now + 7200));
    await expect(issuer.verify(future)).rejects.toMatchObject({ reason: 'TOKEN_ISSUED_IN_FUTURE' });
  });

  it('refuses a token whose role is not a platform role', async () => {
    const token = await issuer.issue({ ...actor, role: 'ADMIN' as never });
    await expect(issuer.verify(token)).rejects.toThrow(/not a platform role/);
  });
});
