import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedIssuer } from '@kom/auth';
import type { Role } from '@kom/kernel';
import { CLOCK, ManualClock, loadConfig, type KomConfig } from '@kom/platform';
import { AppModule } from '../../apps/api/src/app.module';
import type { GraphQLResponse } from './test-app';

/**
 * The real application (embedded store, temporary data directory) with a manual clock: meetings
 * can be planned ahead and then held, and a scenario can move time on.
 */
export class ClockedTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: KomConfig,
    readonly clock: ManualClock,
    private readonly issuer: EmbeddedIssuer,
  ) {}

  static async start(clock: ManualClock, env: NodeJS.ProcessEnv = {}): Promise<ClockedTestApp> {
    const dataDir = mkdtempSync(join(tmpdir(), 'kom-clocked-e2e-'));
    const config = loadConfig({ KOM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ config, schemaFile: join(dataDir, 'kom.graphql') })],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new ClockedTestApp(app, config, clock, await EmbeddedIssuer.open(config.auth));
  }

  token(role: Role, organizationId = 'org-pod', userId = `user-${role.toLowerCase()}`): Promise<string> {
    return this.issuer.issue({ userId, organizationId, role });
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, ...(JSON.parse(response.body) as object) };
  }

  /** Stops the application; keeps the data directory when asked (for the CLI to read). */
  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (!options.keepData) rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}
