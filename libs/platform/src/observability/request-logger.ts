/** The part of a pino logger the error reports use. */
export interface RequestLogger {
  error(object: Record<string, unknown>, message: string): void;
}

const isLogger = (value: unknown): value is RequestLogger =>
  typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'function';

/**
 * The request's own logger: pino-http's child logger, bound to the request's id, method, url and
 * (redacted) headers, which the request log puts on the raw Node request. Passed along explicitly
 * rather than kept in an AsyncLocalStorage: on Node 20 a store makes every promise of every
 * request run async hooks (docs/benchmarks.md). Accepts a Fastify request or a raw one; undefined
 * where nothing was logged for the request (probes, WebSocket upgrades).
 */
export function requestLogger(request: unknown): RequestLogger | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  // A Fastify request's own `log` is Fastify's logger, not the request log's: look at the raw one.
  const raw: unknown = 'raw' in request ? request.raw : request;
  const log = typeof raw === 'object' && raw !== null && 'log' in raw ? raw.log : undefined;
  return isLogger(log) ? log : undefined;
}
