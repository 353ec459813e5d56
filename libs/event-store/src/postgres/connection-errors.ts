const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATE: class 08 (connection exception), 57P01..57P03 (server shutting down or starting),
// 53300 (too many connections).
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;

/**
 * Whether an error means the connection was lost or could not be made (try again later), as
 * opposed to a refusal of the statement itself. node-postgres reports a dropped socket by message only.
 */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null | undefined;
  if (typeof e?.code === 'string' && (SOCKET_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
  return typeof e?.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message);
}
