import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';

/** GraphQL bodies are small; a megabyte leaves room for long agenda texts and refuses floods. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify as the application runs on it. No Nest middleware is used (the request log is a Fastify
 * hook), so Fastify's middleware engine is not registered: it was a hook on every request.
 */
export function fastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true, skipMiddie: true });
}

/**
 * The application, not yet listening. `shutdownHooks: false` leaves the signals to the caller
 * (main.ts drains and exits 0; Nest's own hooks would re-raise the signal and end with it).
 */
export async function createApp(options: AppOptions & { shutdownHooks?: boolean }): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    fastifyAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  return app;
}
