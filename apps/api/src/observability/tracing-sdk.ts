import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { setTracingStarted } from './tracing-state';

export interface TracingOptions {
  readonly serviceName: string;
  /** An OTLP/HTTP collector (`http://collector:4318`); `/v1/traces` is added unless the URL names it. */
  readonly otlpEndpoint?: string;
  /** Another exporter (tests: an in-memory one), exported span by span. */
  readonly exporter?: SpanExporter;
}

export interface Tracing {
  /** Sends what is buffered now (tests, and before exit). */
  flush(): Promise<void>;
  /** Flushes and unregisters: the API is a no-op again. */
  shutdown(): Promise<void>;
}

export function otlpTracesUrl(endpoint: string): string {
  const url = endpoint.replace(/\/+$/, '');
  return url.endsWith('/v1/traces') ? url : `${url}/v1/traces`;
}

/**
 * Registers the OpenTelemetry SDK for this process: an AsyncLocalStorage context manager (a span
 * stays active across awaits), the W3C propagator, and spans exported in batches over OTLP/HTTP
 * (JSON). Called once at start, and only when an endpoint is configured: without it the SDK is
 * never loaded and tracing costs nothing.
 */
export function startTracing(options: TracingOptions): Tracing {
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint ?? 'http://localhost:4318') });
  const processor = options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  setTracingStarted(true);
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      setTracingStarted(false);
    },
  };
}
