import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedIssuer } from '@kom/auth';
import type { Role } from '@kom/kernel';
import { loadConfig, type KomConfig } from '@kom/platform';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
}

/** The real application on the embedded store in a temporary data directory. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: KomConfig,
    readonly schemaFile: string,
    private readonly issuer: EmbeddedIssuer,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
    const dataDir = mkdtempSync(join(tmpdir(), 'kom-e2e-'));
    const config = loadConfig({ KOM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
    const schemaFile = join(dataDir, 'kom.graphql');
    const app = await createApp({ config, schemaFile });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const issuer = await EmbeddedIssuer.open(config.auth);
    return new TestApp(app, config, schemaFile, issuer);
  }

  token(role: Role, organizationId = 'org-pod', userId = `user-${role.toLowerCase()}`): Promise<string> {
    return this.issuer.issue({ userId, organizationId, role });
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, ...(JSON.parse(response.body) as object) };
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}
