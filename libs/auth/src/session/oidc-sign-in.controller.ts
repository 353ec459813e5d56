import { Controller, Get, Inject, Logger, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpRefusalFilter } from '@kom/platform';
import { Public } from '../graphql/policy.decorators';
import { claimMapper, type ClaimsToActor } from '../oidc/claim-mapping';
import { InvalidTokenError } from '../tokens/claims';
import { OidcSignIn, SignInFailedError } from './oidc-sign-in';
import { safeReturnTo } from './return-to';
import { clearCookie, readCookie, setCookie, SIGN_IN_COOKIE, SIGN_IN_COOKIE_PATH } from './session-cookie';
import { noStore, SessionHttp } from './session-http';
import { SESSION_MODULE_OPTIONS, type SessionModuleOptions } from './session-module.options';
import { hashSecret, sameSecret } from './session-secrets';
import { SESSION_STORE, type SessionStore } from './session-store';

/** How long a browser may take at the provider between /auth/login and /auth/callback. */
const SIGN_IN_WINDOW_SECONDS = 600;

/**
 * OIDC mode: /auth/login sends the browser to the provider, /auth/callback takes it back, maps
 * the ID token's claims to the actor with the Bearer path's mapping, and starts a session.
 */
@Controller('auth')
@Public()
// A session store that does not answer is a 503 with retry-after, as on every other route, not a 500.
@UseFilters(HttpRefusalFilter)
export class OidcSignInController {
  private readonly logger = new Logger('OidcSignIn');
  private readonly toActor: ClaimsToActor;

  constructor(
    @Inject(SessionHttp) private readonly http: SessionHttp,
    @Inject(OidcSignIn) private readonly oidc: OidcSignIn,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(SESSION_MODULE_OPTIONS) private readonly options: SessionModuleOptions,
  ) {
    const { claims, roleMap, organizationMap } = options.config;
    this.toActor = claimMapper({ ...claims, roleMap, organizationMap });
  }

  @Get('login')
  async login(@Req() req: FastifyRequest, @Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    noStore(reply);
    if (await this.http.refuseWhenRateLimited(req, reply)) return;
    let begun: Awaited<ReturnType<OidcSignIn['begin']>>;
    try {
      begun = await this.oidc.begin();
    } catch (error) {
      this.logger.error(`the identity provider cannot be reached: ${(error as Error).message}`);
      await reply.code(503).send({ error: 'PROVIDER_UNAVAILABLE' });
      return;
    }
    const now = Date.now();
    await this.store.deletePendingSignInsBefore(now - SIGN_IN_WINDOW_SECONDS * 1000);
    await this.store.insertPendingSignIn({
      stateHash: hashSecret(begun.state),
      codeVerifier: begun.codeVerifier,
      nonce: begun.nonce,
      returnTo: safeReturnTo(returnTo),
      createdAt: now,
    });
    const cookie = setCookie(SIGN_IN_COOKIE, begun.state, this.http.cookieOptions(req, { path: SIGN_IN_COOKIE_PATH, maxAgeSeconds: SIGN_IN_WINDOW_SECONDS }));
    await reply.code(302).header('set-cookie', cookie).header('location', begun.url).send();
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Query('state') state: unknown, @Res() reply: FastifyReply): Promise<void> {
    noStore(reply);
    if (await this.http.refuseWhenRateLimited(req, reply)) return;
    const clearSignIn = clearCookie(SIGN_IN_COOKIE, this.http.cookieOptions(req, { path: SIGN_IN_COOKIE_PATH }));
    const refuse = async (status: number, error: string) => {
      await reply.code(status).header('set-cookie', clearSignIn).send({ error });
    };
    // The state must be the one this browser was given at /auth/login, and still pending.
    const browserState = readCookie(req.headers, SIGN_IN_COOKIE);
    if (typeof state !== 'string' || !browserState || !sameSecret(state, browserState)) return refuse(400, 'SIGN_IN_STATE_INVALID');
    const pending = await this.store.takePendingSignIn(hashSecret(state));
    if (!pending || pending.createdAt < Date.now() - SIGN_IN_WINDOW_SECONDS * 1000) return refuse(400, 'SIGN_IN_STATE_INVALID');
    let signedIn: { claims: Record<string, unknown>; idToken: string };
    try {
      signedIn = await this.oidc.finish(this.callbackUrl(req), pending, state);
    } catch (error) {
      if (!(error instanceof SignInFailedError)) throw error;
      this.logger.warn(`sign-in failed: ${error.message}`);
      return refuse(400, 'SIGN_IN_FAILED');
    }
    let actor;
    try {
      actor = this.toActor(signedIn.claims);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.warn(`sign-in refused: ${error.message}`);
      return refuse(403, 'SIGN_IN_NOT_PERMITTED');
    }
    const sessionCookie = await this.http.signIn(req, actor, signedIn.idToken);
    await reply.code(302).header('set-cookie', [sessionCookie, clearSignIn]).header('location', pending.returnTo).send();
  }

  /** The URL the provider redirected to, as the provider saw it (the public origin, not the proxy's view). */
  private callbackUrl(req: FastifyRequest): URL {
    return new URL(req.url, this.options.config.publicOrigin);
  }
}
