import { SpanKind } from '@opentelemetry/api';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, StreamAppend } from '@kom/event-store';
import type { KomMetrics } from './metrics';
import { inSpan } from './tracing';

/**
 * The store with every append counted (appends, events, batch size, duration) and traced (a span
 * named `append` with the stream and the event count). Reads pass through untouched. Whatever
 * appends (commands, reactors, the notary, seeders) is seen, since all of them go through here.
 */
export function observeAppends(store: EventStore, metrics: KomMetrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStream') {
        return (streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> =>
          inSpan('append', { 'kom.stream': streamId, 'kom.events': events.length }, async (span) => {
            const end = metrics.appendDuration.startTimer();
            const result = await target.appendToStream(streamId, events, options);
            end();
            if (events.length > 0) {
              metrics.appends.inc();
              metrics.appendedEvents.inc(events.length);
              metrics.appendBatchSize.observe(events.length);
            }
            span.setAttribute('kom.position', String(result.position));
            return result;
          }, { kind: SpanKind.CLIENT });
      }
      if (property === 'appendToStreams') {
        return (appends: readonly StreamAppend[]): Promise<AppendResult[]> => {
          const count = appends.reduce((n, a) => n + a.events.length, 0);
          return inSpan('append', { 'kom.stream': appends.map((a) => a.streamId).join(','), 'kom.events': count }, async () => {
            const end = metrics.appendDuration.startTimer();
            const results = await target.appendToStreams(appends);
            end();
            if (count > 0) {
              metrics.appends.inc();
              metrics.appendedEvents.inc(count);
              metrics.appendBatchSize.observe(count);
            }
            return results;
          }, { kind: SpanKind.CLIENT });
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
