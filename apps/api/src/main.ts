import 'reflect-metadata';
import { ConfigError, loadConfig, type KomConfig } from '@kom/platform';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  let config: KomConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp({ config });
  await app.listen(config.port, config.host);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
