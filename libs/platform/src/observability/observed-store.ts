import { SpanKind } from '@opentelemetry/api';
import { decorateStore, type AppendOptions, type AppendResult, type EventStore, type EventToAppend, type StreamAppend } from '@kom/event-store';
import type { KomMetrics } from './metrics';
import { inSpan } from './tracing';

/**
 * The store with every append counted (appends, events, batch size, duration) and traced (a span
 * named `append` with the stream and the event count). Reads pass through untouched. Whatever
 * appends (commands, reactors, the notary, seeders) is seen, since all of them go through here.
 */
export function observeAppends(store: EventStore, metrics: KomMetrics): EventStore {
  const counted = (count: number) => {
    if (count === 0) return;
    metrics.appends.inc();
    metrics.appendedEvents.inc(count);
    metrics.appendBatchSize.observe(count);
  };
  const appendToStream = (streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> =>
    inSpan('append', { 'kom.stream': streamId, 'kom.events': events.length }, async (span) => {
      const end = metrics.appendDuration.startTimer();
      const result = await store.appendToStream(streamId, events, options);
      end();
      counted(events.length);
      span.setAttribute('kom.position', String(result.position));
      return result;
    }, { kind: SpanKind.CLIENT });
  const appendToStreams = (appends: readonly StreamAppend[]): Promise<AppendResult[]> => {
    const count = appends.reduce((n, a) => n + a.events.length, 0);
    return inSpan('append', { 'kom.stream': appends.map((a) => a.streamId).join(','), 'kom.events': count }, async () => {
      const end = metrics.appendDuration.startTimer();
      const results = await store.appendToStreams(appends);
      end();
      counted(count);
      return results;
    }, { kind: SpanKind.CLIENT });
  };
  return decorateStore(store, { appendToStream, appendToStreams });
}
