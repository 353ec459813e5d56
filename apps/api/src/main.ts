import 'reflect-metadata';
import { ConfigError, DataDirectoryInUse, DataDirectoryLock, loadConfig, type KomConfig } from '@kom/platform';
import type { Tracing } from './observability/tracing-sdk';

/** Kept for the close itself (graphql-ws sockets, the last projection batch, the stores). */
const CLOSE_RESERVE_MS = 2000;

async function main(): Promise<void> {
  let config: KomConfig;
  let ownership: DataDirectoryLock;
  try {
    config = loadConfig();
    // Before Nest builds anything: a process that cannot own the data directory says so in one line.
    ownership = DataDirectoryLock.acquire(config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUse) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Only with an endpoint is the SDK loaded at all: off by default, and then it costs nothing.
  const tracing: Tracing | undefined = config.tracing.otlpEndpoint
    ? (await import('./observability/tracing-sdk')).startTracing({ serviceName: config.tracing.serviceName, otlpEndpoint: config.tracing.otlpEndpoint })
    : undefined;
  // The application is loaded only once the settings hold: a refusal comes before any of it.
  const [{ createApp }, { Draining }] = await Promise.all([import('./bootstrap'), import('./http/draining')]);
  const app = await createApp({ config, ownership, shutdownHooks: false });
  await app.listen(config.port, config.host);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const limitMs = config.shutdownTimeoutSeconds * 1000;
    const deadline = setTimeout(() => {
      console.error(`Shutdown on ${signal} did not finish within ${config.shutdownTimeoutSeconds} s; exiting`);
      process.exit(1);
    }, limitMs);
    deadline.unref();
    // 1. No new requests; those running finish (their commands complete and are read back).
    const unfinished = await app.get(Draining).drain(Math.max(0, limitMs - CLOSE_RESERVE_MS));
    if (unfinished > 0) console.error(`Shutdown: ${unfinished} request(s) still running when the drain time ran out`);
    // 2. Nest closes: graphql-ws sockets with 1001 Going Away, the projections after their batch, the stores.
    await app.close();
    // 3. The spans of all that, sent before the process ends.
    await tracing?.shutdown().catch(() => undefined);
    console.log(`Stopped on ${signal} in ${Date.now() - started} ms`);
    process.exit(unfinished > 0 ? 1 : 0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
