import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedIssuer } from '../tokens/embedded-issuer';
import { OidcVerifier } from './oidc-verifier';
import { EmbeddedIssuerInProductionError, createTokenVerifier } from './token-verifier.factory';

describe('choosing the token verifier', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kom-verifier-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const base = () => ({ issuer: 'https://idp.example', audience: 'kom-api', keyFile: join(dir, 'key.json') });
  const oidc = {
    jwksUrl: 'http://127.0.0.1:9/jwks',
    algorithms: ['RS256'],
    clockToleranceSeconds: 30,
    claims: { user: 'sub', organization: 'kom_org', role: 'kom_role' },
  };

  it('OIDC settings present: the OIDC verifier (also in production)', async () => {
    expect(await createTokenVerifier({ ...base(), oidc })).toBeInstanceOf(OidcVerifier);
    expect(await createTokenVerifier({ ...base(), oidc, production: true })).toBeInstanceOf(OidcVerifier);
  });

  it('none: the embedded issuer outside production', async () => {
    expect(await createTokenVerifier(base())).toBeInstanceOf(EmbeddedIssuer);
  });

  it('none in production: refuses to start, with a message that says what to set', async () => {
    await expect(createTokenVerifier({ ...base(), production: true })).rejects.toThrow(EmbeddedIssuerInProductionError);
    await expect(createTokenVerifier({ ...base(), production: true })).rejects.toThrow(/KOM_AUTH_JWKS_URL/);
  });
});
