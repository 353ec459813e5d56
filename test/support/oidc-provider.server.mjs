// A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the sign-in tests. Runs in its own
// Node process (the library is an ES module); configured by KOM_TEST_OIDC (JSON), prints its issuer.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.KOM_TEST_OIDC ?? '{}');
const accounts = settings.accounts ?? {};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      post_logout_redirect_uris: [settings.postLogoutRedirectUri],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  cookies: { keys: ['kom-test-provider-cookie-key'] },
  scopes: ['openid', 'kom'],
  claims: { openid: ['sub'], kom: settings.claimNames ?? [] },
  // The platform reads role and organisation from the ID token.
  conformIdTokenClaims: false,
  pkce: { methods: ['S256'], required: () => true },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) =>
    Object.hasOwn(accounts, id) ? { accountId: id, claims: () => ({ sub: id, ...accounts[id].claims }) } : undefined,
  // A first-party client: consent is implied, so only the login form is shown.
  loadExistingGrant: async (ctx) => {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid kom');
    grant.addOIDCClaims(settings.claimNames ?? []);
    await grant.save();
    return grant;
  },
});

const form = (uid, error = '') =>
  `<!doctype html><title>Sign in</title>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>User <input name="login"></label><label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button></form>`;

const readForm = (req) =>
  new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(new URLSearchParams(text)));
    req.on('error', reject);
  });

const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url.split('?')[0]);
  if (!match) return callback(req, res);
  try {
    const { uid } = await provider.interactionDetails(req, res);
    if (!match[2]) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(form(uid));
      return;
    }
    const body = await readForm(req);
    const login = body.get('login') ?? '';
    if (!Object.hasOwn(accounts, login) || accounts[login].password !== body.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(form(uid, 'Wrong user or password'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
