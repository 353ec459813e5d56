import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';

/** GraphQL bodies are small; a megabyte leaves room for long agenda texts and refuses floods. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The application, not yet listening. `shutdownHooks: false` leaves the signals to the caller
 * (main.ts drains and exits 0; Nest's own hooks would re-raise the signal and end with it).
 */
export async function createApp(options: AppOptions & { shutdownHooks?: boolean }): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  return app;
}
