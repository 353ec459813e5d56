import { Controller, Get, Inject, Optional, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpRefusalFilter } from '@kom/platform';
import { Public } from '../graphql/policy.decorators';
import { CSRF_HEADER } from './cookie-session.authenticator';
import { OidcSignIn } from './oidc-sign-in';
import { clearCookie, readCookie, SESSION_COOKIE } from './session-cookie';
import { noStore, SessionHttp } from './session-http';
import { sameSecret } from './session-secrets';
import { SessionSockets } from './session-sockets';

/** The web app's view of its session, and logout. */
@Controller('auth')
@Public()
// A session store that does not answer is a 503 with retry-after, as on every other route, not a 500.
@UseFilters(HttpRefusalFilter)
export class SessionController {
  constructor(
    @Inject(SessionHttp) private readonly http: SessionHttp,
    @Inject(SessionSockets) private readonly sockets: SessionSockets,
    @Optional() @Inject(OidcSignIn) private readonly oidc?: OidcSignIn,
  ) {}

  /** Reading the session is not activity: polling it does not keep an idle session alive. */
  @Get('session')
  async session(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    noStore(reply);
    const mode = this.http.mode;
    const id = readCookie(req.headers, SESSION_COOKIE);
    const found = id ? await this.http.sessions.lookup(id) : undefined;
    if (found?.status !== 'active') {
      if (id) reply.header('set-cookie', clearCookie(SESSION_COOKIE, this.http.cookieOptions(req)));
      await reply.send({ authenticated: false, mode });
      return;
    }
    const { session, expiresAt } = found;
    await reply.send({ authenticated: true, mode, user: this.http.user(session), csrfToken: session.csrfToken, expiresAt: expiresAt.toISOString() });
  }

  @Post('logout')
  async logout(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    noStore(reply);
    const id = readCookie(req.headers, SESSION_COOKIE);
    const found = id ? await this.http.sessions.lookup(id) : undefined;
    if (found?.status === 'active' && !sameSecret(req.headers[CSRF_HEADER], found.session.csrfToken)) {
      await reply.code(403).send({ error: 'CSRF_TOKEN_INVALID' });
      return;
    }
    const ended = id ? await this.http.sessions.end(id) : undefined;
    if (ended) this.sockets.endSession(ended.idHash);
    const redirectTo = ended && this.oidc ? await this.oidc.endSessionUrl(ended.idToken).catch(() => null) : null;
    if (id) reply.header('set-cookie', clearCookie(SESSION_COOKIE, this.http.cookieOptions(req)));
    await reply.code(200).send({ redirectTo });
  }
}
