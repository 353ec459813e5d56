import { randomUUID } from 'node:crypto';
import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { containsNationalIdNumber, type Actor, type Role } from '@kom/kernel';

export const ROLES_KEY = 'kom:roles';
export const PUBLIC_KEY = 'kom:public';

/** The roles that may call a resolver, field or controller. Without it (or @Public) access is denied. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Reachable without a token: health checks and nothing that holds data. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The verified actor of the request (set by the PolicyGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestContext(context).actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated policy');
  return actor;
});

export interface KomRequestContext {
  actor?: Actor;
  req?: {
    headers?: Record<string, string | string[] | undefined>;
    id?: string;
    method?: string;
    /** Set by the API's request tracing: the request's trace id, and whether the caller's traceparent named it. */
    komTrace?: { readonly traceId: string | undefined; readonly fromCaller: boolean };
  };
  correlationId?: string;
}

export function requestContext(context: ExecutionContext): KomRequestContext {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<KomRequestContext>();
  const req = context.switchToHttp().getRequest<KomRequestContext['req'] & { komContext?: KomRequestContext }>();
  req.komContext ??= { req };
  return req.komContext;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const usable = (value: unknown): value is string => typeof value === 'string' && CORRELATION_ID.test(value) && !containsNationalIdNumber(value);

/**
 * The actor and correlation id for a command. The correlation id is the trace id of the caller's
 * W3C `traceparent` when it sent one; else its `X-Correlation-Id` header when well-formed; else the
 * trace id of the request's span (when traces are recorded); else made fresh per request. A value
 * that holds a national identity number counts as malformed: it would be stored in the signed
 * metadata of every event, so it is replaced rather than refused (the request itself is fine).
 */
export const RequestMeta = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const ctx = requestContext(context);
  if (!ctx.actor) throw new Error('RequestMeta used on a route without an authenticated policy');
  if (!ctx.correlationId) {
    const header = ctx.req?.headers?.['x-correlation-id'];
    const trace = ctx.req?.komTrace;
    ctx.correlationId =
      trace?.fromCaller && usable(trace.traceId) ? trace.traceId : usable(header) ? header : usable(trace?.traceId) ? trace.traceId : randomUUID();
  }
  return { actor: ctx.actor, correlationId: ctx.correlationId };
});
