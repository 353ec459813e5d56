import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ProviderAccount {
  readonly password: string;
  readonly claims: Record<string, unknown>;
}

export interface ProviderSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** Claims released with the `kom` scope (into the ID token). */
  readonly claimNames: readonly string[];
  readonly accounts: Readonly<Record<string, ProviderAccount>>;
}

/** oidc-provider in a child process on 127.0.0.1 (see oidc-provider.server.mjs). */
export class TestOidcProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(settings: ProviderSettings): Promise<TestOidcProvider> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.server.mjs')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', KOM_TEST_OIDC: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk) => (errors += String(chunk)));
    const issuer = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
      child.once('exit', (code) => reject(new Error(`the test OIDC provider exited (${code}): ${errors}`)));
    });
    return new TestOidcProvider(child, issuer);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** A user agent at the provider: keeps the provider's cookies, follows nothing on its own. */
export class ProviderUserAgent {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}): Promise<{ status: number; location?: string; body: string }> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      if (attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a) || /^max-age=0$/i.test(a))) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, url).href : undefined, body: await response.text() };
  }
}
