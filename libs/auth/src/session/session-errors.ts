import { GraphQLError } from 'graphql';

export function sessionExpired(): GraphQLError {
  return new GraphQLError('Your session has expired: sign in again', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED', http: { status: 401 } },
  });
}

export function sessionUnknown(): GraphQLError {
  return new GraphQLError('No such session: sign in again', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_UNKNOWN', http: { status: 401 } },
  });
}

export function csrfTokenInvalid(): GraphQLError {
  return new GraphQLError('A request authenticated by the session cookie must carry the session\'s X-CSRF-Token', {
    extensions: { code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID', http: { status: 403 } },
  });
}
