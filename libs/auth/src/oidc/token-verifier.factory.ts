import { EmbeddedIssuer } from '../tokens/embedded-issuer';
import type { CacheableTokenVerifier } from '../tokens/verified-token-cache';
import { OidcVerifier } from './oidc-verifier';

export interface OidcSettings {
  readonly jwksUrl: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
  /** Tokens issued longer ago than this are refused. */
  readonly maxTokenAgeSeconds?: number;
  readonly claims: { readonly user: string; readonly organization: string; readonly role: string };
  readonly roleMap?: Readonly<Record<string, string>>;
  readonly organizationMap?: Readonly<Record<string, string>>;
}

export interface VerifierSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly keyFile: string;
  /** Set: an OIDC provider's tokens. Unset: the embedded issuer. */
  readonly oidc?: OidcSettings;
  /** Production never runs on the embedded issuer. */
  readonly production?: boolean;
}

export class EmbeddedIssuerInProductionError extends Error {
  override readonly name = 'EmbeddedIssuerInProductionError';
  constructor() {
    super(
      'Refusing to start: NODE_ENV=production needs an OIDC provider (KOM_AUTH_JWKS_URL, KOM_AUTH_ISSUER, KOM_AUTH_AUDIENCE); ' +
        'the embedded token issuer is for development and tests only',
    );
  }
}

/** OIDC settings present → the OIDC verifier; none → the embedded issuer, but never in production. */
export async function createTokenVerifier(settings: VerifierSettings): Promise<CacheableTokenVerifier> {
  if (settings.oidc) {
    const { oidc } = settings;
    return new OidcVerifier({
      issuer: settings.issuer,
      audience: settings.audience,
      jwksUrl: oidc.jwksUrl,
      algorithms: oidc.algorithms,
      clockToleranceSeconds: oidc.clockToleranceSeconds,
      maxTokenAgeSeconds: oidc.maxTokenAgeSeconds,
      mapping: { ...oidc.claims, roleMap: oidc.roleMap, organizationMap: oidc.organizationMap },
    });
  }
  if (settings.production) throw new EmbeddedIssuerInProductionError();
  return EmbeddedIssuer.open(settings);
}
