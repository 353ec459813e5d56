import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KOM_CONFIG, type KomConfig } from '../config/kom-config';
import { METRICS, type KomMetrics } from './metrics';

/**
 * GET /metrics on KOM_METRICS_PORT, a port of its own: the API port never serves metrics, so the
 * public edge needs no rule to hide them, and the network decides who may scrape. Off when unset.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(
    @Inject(KOM_CONFIG) private readonly config: KomConfig,
    @Inject(METRICS) private readonly metrics: KomMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port === undefined) return;
    const server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n');
        return;
      }
      this.metrics.scrape().then(
        (text) => response.writeHead(200, { 'content-type': this.metrics.contentType }).end(request.method === 'HEAD' ? undefined : text),
        (error: unknown) => {
          this.logger.error({ msg: 'Collecting metrics failed', error: String(error) });
          response.writeHead(500, { 'content-type': 'text/plain' }).end('Collecting metrics failed\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.logger.log({ msg: 'Serving metrics', port: (server.address() as AddressInfo).port, host });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
