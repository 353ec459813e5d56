import { TestApp } from '../support/test-app';

/** The GraphQL read path as shaped for speed: what it must still do on every request. */
describe('GraphQL read path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.stop());

  const post = (body: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(body),
    });

  it('answers with Cache-Control: no-store, whether it succeeds or is refused', async () => {
    const token = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
    const ok = await post({ query: '{ measures { number } }' }, token);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const refused = await post({ query: '{ measures { number } }' });
    expect(JSON.parse(ok.body).data.measures).toHaveLength(35);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('answers each token with its own identity, however often the same tokens come back', async () => {
    const nils = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
    const sara = await t.token('SECRETARIAT', 'org-pod', 'sara');
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([t.data('{ me { userId organizationId role } }', {}, nils), t.data('{ me { userId organizationId role } }', {}, sara)]);
      expect(a.me).toEqual({ userId: 'nils', organizationId: 'org-nav', role: 'AGENCY_MEMBER' });
      expect(b.me).toEqual({ userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' });
    }
  });

  it('still refuses a tampered copy of a token it has accepted', async () => {
    const token = await t.token('AGENCY_MEMBER', 'org-nav', 'nils');
    await t.data('{ me { userId } }', {}, token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, kom_role: 'SECRETARIAT' })).toString('base64url'), signature].join('.');
    const response = await t.gql('{ me { role } }', {}, forged);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });
});
