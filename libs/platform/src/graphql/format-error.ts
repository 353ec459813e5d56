import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@kom/kernel';

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
]);

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
  if ('expectedRevision' in error && 'actualRevision' in error) {
    extensions.expectedRevision = String(error.expectedRevision);
    extensions.actualRevision = String(error.actualRevision);
  }
  // Where the refusal belongs (`input.title`), so that a client can show it at the field.
  if ('fields' in error && Array.isArray(error.fields) && error.fields.length > 0) {
    extensions.field = error.fields[0];
    extensions.fields = [...error.fields];
  }
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
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: options.production ? extensions : { ...extensions, stacktrace } };
    }
    options.report(original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
