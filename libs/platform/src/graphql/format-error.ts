import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, InvalidInput } from '@kom/kernel';
import { RecordedNotVisible } from '../command/recorded-not-visible';
import { LogIntegrityBroken } from '../integrity/log-integrity';
import { STORE_UNAVAILABLE, STORE_UNAVAILABLE_MESSAGE, isStoreUnavailable } from '../shared-state/store-unavailable';

/** Codes a client can act on; everything else is masked as INTERNAL_SERVER_ERROR. */
export const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Not the caller's fault, but typed: a dependency (the identity provider, a store) is down; try again.
  'SERVICE_UNAVAILABLE',
]);

/** Apollo's own refusals that carry an HTTP status but no code, by message: a stable reason each. */
const UNCODED_REQUEST_ERRORS: Record<string, string> = {
  'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH',
  'Unsupported persisted query version': 'PERSISTED_QUERY_VERSION_UNSUPPORTED',
};

/**
 * An error the request pipeline raised about the request itself (a 4xx status, no code, no
 * underlying exception): a client mistake, answered as BAD_REQUEST rather than masked.
 */
function requestErrorReason(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code) return undefined;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return UNCODED_REQUEST_ERRORS[error.message] ?? 'BAD_REQUEST';
}

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** A domain refusal as the GraphQL error a client sees: a stable code and, for refusals, a reason key. */
export function domainErrorToGraphQL(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: error.code, reason: error.reason };
  if (error instanceof InvalidInput && error.field) extensions.field = error.field;
  if ('expectedRevision' in error && 'actualRevision' in error) {
    extensions.expectedRevision = String(error.expectedRevision);
    extensions.actualRevision = String(error.actualRevision);
  }
  // Every place a refusal names (`input.title`, `metadata.correlationId`); `field` is the form's.
  if ('fields' in error && Array.isArray(error.fields) && error.fields.length > 0) extensions.fields = [...error.fields];
  return new GraphQLError(error.message, { extensions });
}

/**
 * Apollo's formatError: typed errors pass with their code, internals are masked and reported.
 * Stack traces never leave the server in production.
 */
export function createFormatError(options: { production: boolean; report: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      const translated = domainErrorToGraphQL(original);
      return { ...base, message: translated.message, extensions: { ...translated.extensions } };
    }
    if (original instanceof RecordedNotVisible) {
      options.report(original); // the client is told; operators must hear why the replica lags
      return { ...base, message: original.message, extensions: original.extensions() };
    }
    if (original instanceof LogIntegrityBroken) {
      return { ...base, message: original.message, extensions: original.extensions() };
    }
    if (isStoreUnavailable(original)) {
      options.report(original); // the client gets a retryable answer; operators must hear of the outage
      return { ...base, message: STORE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', reason: STORE_UNAVAILABLE } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    const requestReason = requestErrorReason(original);
    if (requestReason) return { ...base, extensions: { code: 'BAD_REQUEST', reason: requestReason } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: options.production ? extensions : { ...extensions, stacktrace } };
    }
    options.report(original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
