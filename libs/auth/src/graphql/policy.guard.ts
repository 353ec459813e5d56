import { Inject, Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Actor, Role } from '@kom/kernel';
import { TOKEN_VERIFIER, type TokenVerifier } from '../tokens/token-verifier';
import { allows, coordinateOf, type PolicyTable } from '../policy/policy';
import { POLICY_TABLE } from '../policy/policy.table';
import { SESSION_AUTHENTICATOR, type SessionAuthenticator } from '../session/session-authenticator';
import { MUTATION_RATE_LIMIT, type MutationRateLimit } from './mutation-rate-limit';
import { PUBLIC_KEY, ROLES_KEY, requestContext, type KomRequestContext } from './policy.decorators';
import { authenticateBearer, bearerToken } from './authenticate';

export const POLICY_TABLE_TOKEN = Symbol.for('kom.PolicyTable');

export function forbidden(message: string, reason = 'ROLE_NOT_ALLOWED'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason } });
}

/**
 * Deny by default.
 * - GraphQL (queries, mutations, subscriptions and field resolvers): the policy table
 *   (libs/auth/src/policy/policy.table.ts), looked up by schema coordinate (`Mutation.signAgreement`,
 *   `Organization.representatives`); no entry → FORBIDDEN (NO_POLICY). Mutations also spend the
 *   caller's per-minute budget (RATE_LIMITED).
 * - HTTP routes: `@Public()` or `@Roles(...)` on the handler or controller; neither → FORBIDDEN.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger('PolicyGuard');
  /** Authentications under way, by request context (one per request; gone with it). */
  private readonly authenticating = new WeakMap<KomRequestContext, Promise<Actor>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(MUTATION_RATE_LIMIT) private readonly rateLimit?: MutationRateLimit,
    @Optional() @Inject(POLICY_TABLE_TOKEN) private readonly table: PolicyTable = POLICY_TABLE,
    @Optional() @Inject(SESSION_AUTHENTICATOR) private readonly sessions?: SessionAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() === 'graphql') return this.graphql(context);
    return this.route(context);
  }

  private async graphql(context: ExecutionContext): Promise<boolean> {
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    const coordinate = coordinateOf(info.parentType.name, info.fieldName);
    const table = this.table ?? POLICY_TABLE;
    const policy = Object.prototype.hasOwnProperty.call(table, coordinate) ? table[coordinate] : undefined;
    if (!policy) {
      this.logger.error(`${coordinate} has no entry in the policy table (libs/auth/src/policy/policy.table.ts); denied`);
      throw forbidden(`No access policy is declared for ${coordinate}`, 'NO_POLICY');
    }
    if (policy.allow === 'PUBLIC') return true;
    const actor = await this.authenticate(context);
    if (!allows(policy, actor.role)) throw forbidden(`Role ${actor.role} may not use ${coordinate}`);
    if (info.parentType === info.schema.getMutationType() && this.rateLimit) await this.rateLimit.consume(actor);
    return true;
  }

  private async route(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no policy; denied`);
      throw forbidden('Access denied', 'NO_POLICY');
    }
    const method = requestContext(context).req?.method;
    const actor = await this.authenticate(context, method === 'GET' || method === 'HEAD');
    if (!(roles as string[]).includes(actor.role)) throw forbidden(`Role ${actor.role} may not do this`);
    return true;
  }

  /**
   * Who the request is, found once per request: the root fields of one operation are guarded side
   * by side, and each would otherwise look the token up again (or fail on it again).
   */
  private authenticate(context: ExecutionContext, safeRead = false): Promise<Actor> {
    const ctx = requestContext(context);
    if (ctx.actor) return Promise.resolve(ctx.actor);
    let pending = this.authenticating.get(ctx);
    if (pending === undefined) {
      pending = this.identify(ctx, safeRead).then((actor) => (ctx.actor = actor));
      this.authenticating.set(ctx, pending);
    }
    return pending;
  }

  private async identify(ctx: KomRequestContext, safeRead: boolean): Promise<Actor> {
    const authorization = ctx.req?.headers?.authorization;
    // A Bearer token wins; without one, the web app's session cookie (with its CSRF token).
    if (!bearerToken(authorization)) {
      const fromSession = await this.sessions?.authenticate(ctx.req?.headers ?? {}, { safeRead });
      if (fromSession) return fromSession;
    }
    return authenticateBearer(this.verifier, authorization);
  }
}
