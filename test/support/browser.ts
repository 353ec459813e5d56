import type { TestApp } from './test-app';

export interface BrowserResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The Set-Cookie headers of this response, as sent. */
  setCookies: string[];
  body: string;
  json<T = any>(): T;
}

/**
 * A browser's view of the API through `app.inject`: keeps the cookies the API sets (and drops the
 * ones it clears), sends them back, never follows redirects on its own.
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    readonly host = 'localhost',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    options: { headers?: Record<string, string>; json?: unknown } = {},
  ): Promise<BrowserResponse> {
    const response = await this.t.app.inject({
      method,
      url,
      headers: {
        host: this.host,
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.json !== undefined ? { payload: JSON.stringify(options.json) } : {}),
    });
    const raw = response.headers['set-cookie'];
    const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const cleared = attributes.some((a) => /^max-age=0$/i.test(a));
      if (cleared) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1));
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      setCookies,
      body: response.body,
      json: () => JSON.parse(response.body),
    };
  }

  /** GraphQL over HTTP with this browser's cookies; `csrfToken` goes into X-CSRF-Token when given. */
  async gql(query: string, variables: Record<string, unknown> = {}, options: { csrfToken?: string; headers?: Record<string, string> } = {}) {
    const response = await this.request('POST', '/graphql', {
      json: { query, variables },
      headers: { ...(options.csrfToken !== undefined ? { 'x-csrf-token': options.csrfToken } : {}), ...options.headers },
    });
    return { status: response.status, ...(response.json() as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }) };
  }

  async session(): Promise<any> {
    return (await this.request('GET', '/auth/session')).json();
  }
}

/** The attributes of a Set-Cookie line, lower-cased names: `{ httponly: true, samesite: 'Lax', path: '/' }`. */
export function cookieAttributes(line: string): Record<string, string | true> {
  const [, ...attributes] = line.split(';').map((p) => p.trim());
  return Object.fromEntries(
    attributes.map((a) => {
      const at = a.indexOf('=');
      return at < 0 ? [a.toLowerCase(), true] : [a.slice(0, at).toLowerCase(), a.slice(at + 1)];
    }),
  );
}

/** graphql-ws as the web app uses it: the cookie and Origin on the upgrade request, `{ csrfToken }` as connection parameters. */
export function browserSocket(
  t: TestApp,
  options: { cookie?: string; origin?: string; csrfToken?: string },
): { client: import('graphql-ws').Client; closed: Promise<{ code: number; reason: string }> } {
  // Required here so that specs without sockets do not load ws.
  const { createClient } = require('graphql-ws') as typeof import('graphql-ws');
  const WebSocket = require('ws') as typeof import('ws');
  const { port } = t.app.getHttpServer().address() as { port: number };
  const headers = { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) };
  class BrowserWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: BrowserWebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: options.csrfToken !== undefined ? { csrfToken: options.csrfToken } : {},
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: unknown };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed };
}
