import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import type { Role } from '@kom/kernel';
import { InvalidTokenError } from '../tokens/claims';
import { TOKEN_VERIFIER, type TokenVerifier } from '../tokens/token-verifier';
import { PUBLIC_KEY, ROLES_KEY, requestContext } from './policy.decorators';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string, reason = 'ROLE_NOT_ALLOWED'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason } });
}

/** Reads "Bearer <token>" from an Authorization header or a graphql-ws connection parameter. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/**
 * Deny by default: a resolver, field resolver or route passes only if it declares @Public or
 * @Roles and the verified actor holds one of the roles.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger('PolicyGuard');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no policy; denied`);
      throw forbidden('Access denied', 'NO_POLICY');
    }
    const ctx = requestContext(context);
    if (!ctx.actor) {
      const token = bearerToken(ctx.req?.headers?.authorization);
      if (!token) throw unauthenticated('Authentication required: send Authorization: Bearer <token>');
      try {
        ctx.actor = await this.verifier.verify(token);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw unauthenticated(`Invalid token: ${error.message}`);
        throw error;
      }
    }
    if (!(roles as string[]).includes(ctx.actor.role)) {
      throw forbidden(`Role ${ctx.actor.role} may not do this`);
    }
    return true;
  }
}
