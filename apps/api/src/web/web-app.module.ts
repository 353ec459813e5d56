import { Inject, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { serveWebApp } from './serve-web-app';

const WEB_DIR = Symbol.for('kom.WebDir');

/** The web app, served by the API process itself at `/`. */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  static forRoot(webDir: string): DynamicModule {
    return { module: WebAppModule, providers: [{ provide: WEB_DIR, useValue: webDir }] };
  }

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_DIR) private readonly webDir: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const served = await serveWebApp(fastify, this.webDir);
    if (!served) this.logger.warn(`No web app at ${this.webDir} (run npm run web:build); serving the API only`);
  }
}
