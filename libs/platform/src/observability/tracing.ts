import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export const TRACER_NAME = 'kom-platform';

/**
 * The OpenTelemetry API only. Until an SDK registers a provider (startTracing, when an OTLP endpoint
 * is configured) every tracer is the API's no-op: spans are not recorded, nothing is exported, and
 * `inSpan` costs one small object per call.
 */
export const tracer = () => trace.getTracer(TRACER_NAME);

/** Runs `work` in a span that is active for everything it awaits; an error marks the span and is rethrown. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  options: { kind?: SpanKind; parent?: Context } = {},
): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

// The W3C format itself, whether or not an SDK is registered: a caller's traceparent names the
// trace (and so the correlation id) even when this process records no spans.
const w3c = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, unknown>, key: string) => {
    const value = carrier[key];
    return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
  },
};

/** The context a W3C `traceparent` (and `tracestate`) header carries; ROOT_CONTEXT when absent or malformed. */
export function contextFromHeaders(headers: Record<string, unknown> | undefined): Context {
  return headers ? w3c.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
}

/** The `traceparent` (and `tracestate`) headers for `ctx`; empty when it holds no valid span context. */
export function headersFromContext(ctx: Context): Record<string, string> {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, { set: (c, key, value) => (c[key] = value) });
  return carrier;
}

/** The trace id of the span in `ctx`, when it holds a valid one. */
export function traceIdOf(ctx: Context): string | undefined {
  const spanContext = trace.getSpanContext(ctx);
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
