import { IdentityProviderUnavailableError, InvalidTokenError, type TokenRefusal, type TokenVerifier } from '@kom/auth';
import { TestApp } from '../support/test-app';

/**
 * A graphql-ws socket shows its bearer token once, at connection_init. What HTTP refuses (an expired
 * token, one whose key left the key set) the socket must refuse too, from then on: new operations,
 * and the pushes of the subscriptions it already holds.
 */
describe('a socket lives no longer than its bearer token', () => {
  let t: TestApp;
  /** Tokens the identity provider now refuses, and why; `down`: it cannot be asked. */
  const refused = new Map<string, TokenRefusal>();
  let down = false;
  const controlled = (real: TokenVerifier): TokenVerifier => ({
    async verify(token) {
      const reason = refused.get(token);
      if (reason) throw new InvalidTokenError('refused by the test', reason);
      if (down) throw new IdentityProviderUnavailableError('down in the test');
      return real.verify(token);
    },
  });

  beforeAll(async () => {
    t = await TestApp.start({ verifier: controlled });
    await t.listen();
  });
  afterAll(async () => {
    await t.stop();
  });
  afterEach(() => {
    refused.clear();
    down = false;
  });

  const issueTitles = async (): Promise<string[]> => {
    const data = await t.data<{ issues: { edges: Array<{ node: { title: string } }> } }>(
      '{ issues(first: 100) { edges { node { title } } } }',
      {},
      await t.token('SECRETARIAT', 'org-pod', 'reader'),
    );
    return data.issues.edges.map((e) => e.node.title);
  };
  /**
   * The test client is lazy: it closes its socket when no operation is running and opens a new one
   * (with a new connection_init) for the next. A subscription held open keeps the one socket.
   */
  const holdOpen = (client: ReturnType<TestApp['subscriber']>) => {
    const held = client.iterate({ query: 'subscription { organizationChanged { name } }' });
    const outcome = held.next().then(
      (r) => ({ pushed: r.value as unknown, closed: undefined }),
      (closed: { code: number; reason: string }) => ({ pushed: undefined, closed }),
    );
    let ended = false;
    void outcome.then(() => (ended = true));
    return Object.assign(outcome, { ended: () => ended });
  };
  const submit = (title: string) => ({
    query: 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }',
    variables: { input: { organizationId: 'org-rosa', title, description: 'Over a socket.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
  });

  it('refuses a mutation on an open socket once the token expired, closes the socket with the reason, and records nothing', async () => {
    const token = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-ws');
    const client = t.subscriber(token);
    const held = holdOpen(client);
    // The socket is open and the token good: a query answers.
    const first = await client.iterate<{ me: { userId: string } }>({ query: '{ me { userId } }' }).next();
    expect(first.value?.data?.me.userId).toBe('rosa-ws');

    refused.set(token, 'TOKEN_EXPIRED');
    const attempt = await client
      .iterate(submit('Sent after the token expired'))
      .next()
      .then((r) => ({ result: r.value as unknown, closed: undefined }))
      .catch((closed: { code: number; reason: string }) => ({ result: undefined, closed }));

    expect(attempt.result).toBeUndefined();
    expect(attempt.closed?.code).toBe(4401);
    expect(JSON.parse(attempt.closed!.reason)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(await issueTitles()).not.toContain('Sent after the token expired');
    expect((await held).closed?.code).toBe(4401); // the same socket
  });

  it('ends the subscriptions of a socket whose token is withdrawn, within a sweep, with 4401', async () => {
    const token = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-follower');
    const client = t.subscriber(token);
    const ended = holdOpen(client);
    expect((await client.iterate<{ me: { userId: string } }>({ query: '{ me { userId } }' }).next()).value?.data?.me.userId).toBe('rosa-follower');
    refused.set(token, 'TOKEN_INVALID'); // its signing key left the key set

    const outcome = await ended; // the sweep runs every 5 s
    expect(outcome.pushed).toBeUndefined();
    expect(outcome.closed?.code).toBe(4401);
    expect(JSON.parse(outcome.closed!.reason)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('keeps the socket while the identity provider cannot be asked, refusing new operations with SERVICE_UNAVAILABLE', async () => {
    const token = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-patient');
    const client = t.subscriber(token);
    const held = holdOpen(client);
    expect((await client.iterate<{ me: { userId: string } }>({ query: '{ me { userId } }' }).next()).value?.data?.me.userId).toBe('rosa-patient');

    down = true;
    // graphql-ws's client throws an operation's error message as the array of its errors.
    const during = (await client
      .iterate(submit('Sent while the provider was down'))
      .next()
      .catch((errors: unknown) => errors)) as Array<{ extensions?: { code?: string; reason?: string } }>;
    expect(during[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'IDENTITY_PROVIDER_UNAVAILABLE' });

    down = false;
    const after = await client.iterate<{ submitIssue: { id: string } }>(submit('Sent once the provider was back')).next();
    expect(after.value?.data?.submitIssue.id).toEqual(expect.any(String));
    const titles = await issueTitles();
    expect(titles).toContain('Sent once the provider was back');
    expect(titles).not.toContain('Sent while the provider was down');
    expect(held.ended()).toBe(false); // the same socket all along
    await client.dispose();
  });
});
