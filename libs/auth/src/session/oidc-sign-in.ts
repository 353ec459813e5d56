import * as client from 'openid-client';
import type { PendingSignIn } from './session-store';

export interface OidcSignInSettings {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** Outside production an http issuer (a provider on loopback) is allowed. */
  readonly allowHttpIssuer: boolean;
}

export class SignInFailedError extends Error {
  override readonly name = 'SignInFailedError';
}

/**
 * The authorization code flow with PKCE, state and nonce, through openid-client: it discovers the
 * provider, builds the authorization URL, redeems the code and validates the ID token (issuer,
 * audience, signature, nonce, expiry).
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcSignInSettings) {}

  async begin(): Promise<{ url: string; state: string; codeVerifier: string; nonce: string }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  /** The ID token's claims and the ID token itself, or SignInFailedError. */
  async finish(callbackUrl: URL, pending: PendingSignIn, state: string): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const config = await this.config();
    try {
      const tokens = await client.authorizationCodeGrant(
        config,
        callbackUrl,
        { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true },
        { redirect_uri: this.settings.redirectUri },
      );
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new SignInFailedError('the provider returned no ID token');
      return { claims: { ...claims }, idToken: tokens.id_token };
    } catch (error) {
      if (error instanceof SignInFailedError) throw error;
      throw new SignInFailedError(describe(error));
    }
  }

  /** RP-initiated logout at the provider, when it offers one. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      client_id: this.settings.clientId,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }

  /** Discovery once; a failure (provider down) is retried by the next sign-in. */
  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuerUrl),
        this.settings.clientId,
        this.settings.clientSecret,
        client.ClientSecretPost(this.settings.clientSecret),
        this.settings.allowHttpIssuer && this.settings.issuerUrl.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

function describe(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError) return `the provider refused: ${error.error}`;
  if (error instanceof client.ResponseBodyError) return `the provider's token endpoint refused: ${error.error}`;
  return error instanceof Error ? error.message : String(error);
}
