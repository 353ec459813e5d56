import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { DomainError } from '@kom/kernel';
import { requestLogger } from '../observability/request-logger';
import { STORE_UNAVAILABLE, STORE_UNAVAILABLE_MESSAGE, isStoreUnavailable } from '../shared-state/store-unavailable';

const STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Plain HTTP routes answer refusals as JSON with the same code and reason GraphQL gives
 * (`{"error":{"code":"FORBIDDEN","reason":"AGENDA_NOT_PUBLISHED","message":…}}`) and the status
 * that goes with it. A store that does not answer is a 503 SERVICE_UNAVAILABLE (reason
 * STORE_UNAVAILABLE) with `retry-after`, logged: a download during a database outage is worth
 * retrying. Anything else is a 500 with no detail, logged. A context with refusals of its own
 * extends it and answers them in `refuse` first.
 */
@Catch()
export class HttpRefusalFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpRefusal');

  /** A context's own refusals: answer and return true, or return false to fall through. */
  protected refuse(_exception: unknown, _send: (status: number, code: string, reason: string | undefined, message: string) => void): boolean {
    return false;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (status: number, code: string, reason: string | undefined, message: string) =>
      void reply.status(status).header('cache-control', 'no-store').type('application/json').send({ error: { code, reason, message } });
    if (this.refuse(exception, send)) return;
    if (exception instanceof DomainError) return send(STATUS[exception.code] ?? 400, exception.code, exception.reason, exception.message);
    if (exception instanceof GraphQLError) {
      const code = String(exception.extensions?.code ?? 'FORBIDDEN');
      return send(STATUS[code] ?? 403, code, exception.extensions?.reason as string | undefined, exception.message);
    }
    if (exception instanceof HttpException) {
      return send(exception.getStatus(), exception.getStatus() === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', undefined, exception.message);
    }
    // With the request's logger where the request log made one, so the line carries its id.
    const log = requestLogger(host.switchToHttp().getRequest());
    if (log) log.error({ err: exception, context: 'HttpRefusal' }, 'Request failed');
    else this.logger.error(exception);
    if (isStoreUnavailable(exception)) {
      reply.header('retry-after', '5'); // a hint: a failover takes seconds
      return send(503, 'SERVICE_UNAVAILABLE', STORE_UNAVAILABLE, STORE_UNAVAILABLE_MESSAGE);
    }
    send(500, 'INTERNAL_SERVER_ERROR', undefined, 'Internal server error');
  }
}
