import { errors as joseErrors } from 'jose';
import { InvalidTokenError } from './claims';

/** A jose verification failure as the refusal a client sees (message and reason). */
export function tokenRefusal(error: InstanceType<typeof joseErrors.JOSEError>): InvalidTokenError {
  if (error instanceof joseErrors.JWTExpired) {
    return error.claim === 'iat'
      ? new InvalidTokenError('token was issued too long ago', 'TOKEN_TOO_OLD')
      : new InvalidTokenError('token expired', 'TOKEN_EXPIRED');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iat' && error.reason === 'check_failed') return new InvalidTokenError('token is issued in the future', 'TOKEN_ISSUED_IN_FUTURE');
    if (error.claim === 'nbf' && error.reason === 'check_failed') return new InvalidTokenError('token is not valid yet', 'TOKEN_NOT_YET_VALID');
    return new InvalidTokenError(`token claim "${error.claim}" is not accepted`, 'TOKEN_CLAIMS_REFUSED');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new InvalidTokenError('token algorithm is not accepted', 'TOKEN_INVALID');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new InvalidTokenError('token is not signed by a key of the identity provider', 'TOKEN_INVALID');
  return new InvalidTokenError('token signature or format is not valid', 'TOKEN_INVALID');
}

/**
 * A token issued later than now (beyond the clock tolerance) is refused even without a maximum
 * age (jose checks `iat` only together with one).
 */
export function refuseFutureIssuedAt(payload: { iat?: unknown }, now: Date, toleranceSeconds: number): void {
  if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000 + toleranceSeconds) {
    throw new InvalidTokenError('token is issued in the future', 'TOKEN_ISSUED_IN_FUTURE');
  }
}
