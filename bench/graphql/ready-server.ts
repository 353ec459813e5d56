// Child-process entry of the scale benchmark: starts the platform on an existing data directory
// (the production bootstrap; configuration as NODE_ENV=test for the embedded token issuer) and
// reports over IPC how long it took, from building the application to /health/ready green and a
// first GraphQL query answered (the modules already loaded, as a built bundle would have them).
// Then, asked { measure }, it answers { asOfMs, latencyMs, rssMegabytes }.
//   node -r ./bench/graphql/swc-register.js bench/graphql/ready-server.ts <data dir>
import { EmbeddedIssuer } from '@kom/auth';
import { loadConfig } from '@kom/platform';
import { createApp } from '../../apps/api/src/bootstrap';
import { loaderResidentMegabytes } from './loader-memory';
import { READ_QUERY } from './queries';

const ISSUES_QUERY = '{ issues(first: 20) { edges { node { id title status } } } }';

/** The process's RSS, and the same without the benchmark's TypeScript loader (see loader-memory.ts). */
function rss(): { rssMegabytes: number; rssWithLoaderMegabytes: number } {
  const total = process.memoryUsage().rss / 1024 / 1024;
  return { rssMegabytes: total - loaderResidentMegabytes(), rssWithLoaderMegabytes: total };
}

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const config = loadConfig({ ...process.env, KOM_DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  const started = performance.now();
  const app = await createApp({ config, schemaFile: false, shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const response = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const issuer = await EmbeddedIssuer.open(config.auth);
  const token = await issuer.issue({ userId: 'bench-auditor', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' });
  const gql = async (query: string): Promise<unknown> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`${JSON.stringify(body.errors)} for ${query.slice(0, 60)}`);
    return body.data;
  };
  await gql(READ_QUERY);
  const readySeconds = (performance.now() - started) / 1000;
  process.send!({ readySeconds });

  process.on('message', (message: { measure?: { asOf: string; issueId: string; rounds: number } }) => {
    if (!message.measure) return;
    const { asOf, issueId, rounds } = message.measure;
    void (async () => {
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const timed = async (query: string) => {
        const t = performance.now();
        await gql(query);
        return performance.now() - t;
      };
      const asOfQuery = `{ issue(id: "${issueId}", asOf: "${asOf}") { id status } }`;
      const asOfTimes: number[] = [];
      const latencies: number[] = [];
      const readTimes: number[] = [];
      const issuesTimes: number[] = [];
      for (let i = 0; i < rounds; i++) {
        asOfTimes.push(await timed(asOfQuery));
        readTimes.push(await timed(READ_QUERY));
        issuesTimes.push(await timed(ISSUES_QUERY));
      }
      latencies.push(...readTimes, ...issuesTimes);
      global.gc?.();
      process.send!({ asOfMs: median(asOfTimes), latencyMs: median(latencies), readMs: median(readTimes), issuesMs: median(issuesTimes), ...rss(), memory: process.memoryUsage() });
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  process.on('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
