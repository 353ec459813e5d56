import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@kom/kernel';
import { ORGANIZATION_NAMES, type OrganizationNames } from './organization-names';
import { SESSION_MODULE_OPTIONS, type SessionModuleOptions } from './session-module.options';
import { cookieIsSecure, readCookie, SESSION_COOKIE, setCookie, type CookieOptions } from './session-cookie';
import type { SessionRecord } from './session-store';
import { Sessions } from './sessions';
import { SignInRateLimit } from './sign-in-rate-limit';

/** What the sign-in routes share: the cookie's attributes, starting a session, the sign-in budget. */
@Injectable()
export class SessionHttp {
  constructor(
    @Inject(SESSION_MODULE_OPTIONS) private readonly options: SessionModuleOptions,
    @Inject(Sessions) readonly sessions: Sessions,
    @Inject(ORGANIZATION_NAMES) private readonly names: OrganizationNames,
    @Inject(SignInRateLimit) private readonly rateLimit: SignInRateLimit,
  ) {}

  get mode(): 'embedded' | 'oidc' {
    return this.options.config.mode;
  }

  cookieOptions(req: FastifyRequest, extra: Omit<CookieOptions, 'secure'> = {}): CookieOptions {
    const embeddedOutsideProduction = this.mode === 'embedded' && !this.options.production;
    return { ...extra, secure: cookieIsSecure(req, embeddedOutsideProduction) };
  }

  /** A new session (rotating away any the browser came with); returns its Set-Cookie header. */
  async signIn(req: FastifyRequest, actor: Actor, idToken: string | null): Promise<string> {
    const { id } = await this.sessions.start(actor, idToken, readCookie(req.headers, SESSION_COOKIE));
    return setCookie(SESSION_COOKIE, id, this.cookieOptions(req));
  }

  /** Sends 429 and returns true when this client has used up its sign-in attempts. */
  async refuseWhenRateLimited(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const retryAfter = await this.rateLimit.consume(req.ip);
    if (retryAfter === undefined) return false;
    await noStore(reply).code(429).header('retry-after', String(retryAfter)).send({ error: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    return true;
  }

  organizationName(organizationId: string): string {
    return this.names.nameOf(organizationId) ?? organizationId;
  }

  user(session: SessionRecord) {
    return {
      userId: session.userId,
      organizationId: session.organizationId,
      organizationName: this.organizationName(session.organizationId),
      role: session.role,
    };
  }
}

/** Nothing about a session may be cached, by the browser or on the way. */
export const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
