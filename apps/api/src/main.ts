import 'reflect-metadata';
import { ConfigError, DataDirectoryInUse, DataDirectoryLock, loadConfig, type KomConfig } from '@kom/platform';
import { createApp } from './bootstrap';

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
  const app = await createApp({ config, ownership });
  await app.listen(config.port, config.host);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
