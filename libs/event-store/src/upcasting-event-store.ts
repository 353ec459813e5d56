import { storedSchemaVersion, wellFormed, withStoredForm, type Upcasters } from '@kom/kernel';
import { decorateStore } from './decorate-store';
import type { EventStore, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeToAllOptions, Subscription } from './event-store.port';

/**
 * The event as the code of today reads it: its data at the newest schema version, and well-formed
 * (a lone surrogate recorded before text was checked reads as U+FFFD: @kom/kernel wellFormed), so
 * every reader (read models, folds as of a moment, documents) sees the same text.
 */
export function upcastRecorded(event: RecordedEvent, upcasters: Upcasters): RecordedEvent {
  const metadata = (event.metadata ?? {}) as Record<string, unknown>;
  const upcast = upcasters.upcast(event.type, metadata, event.data);
  const data = wellFormed(upcast ? upcast.data : event.data);
  if (!upcast && data === event.data) return event;
  return withStoredForm(event as RecordedEvent<unknown, Record<string, unknown>>, data, upcast?.version ?? storedSchemaVersion(metadata));
}

/**
 * The store with every read upcast and well-formed (readStream, readAll, subscribeToAll), whichever adapter is
 * under it: the one place all reads of the platform pass through. Appends, and the stored bytes,
 * are untouched; hashing uses the stored form (see @kom/kernel storedForm), so verification of an
 * old log keeps working.
 */
export function withUpcasting(store: EventStore, upcasters: Upcasters): EventStore {
  const up = (event: RecordedEvent) => upcastRecorded(event, upcasters);
  return decorateStore(store, {
    readStream: async (streamId: string, options?: ReadStreamOptions) => (await store.readStream(streamId, options)).map(up),
    readAll: async (options?: ReadAllOptions) => (await store.readAll(options)).map(up),
    subscribeToAll: (options?: SubscribeToAllOptions): Subscription => {
      const inner = store.subscribeToAll(options);
      // A plain mapping iterator, not a generator: next() and return() pass straight through,
      // so a pending next() behaves exactly as the adapter's own (the runners race it).
      return {
        unsubscribe: () => inner.unsubscribe(),
        ...(inner.ready ? { ready: () => inner.ready!() } : {}),
        [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
          const it = inner[Symbol.asyncIterator]();
          return {
            next: async () => {
              const result = await it.next();
              return result.done ? result : { done: false, value: up(result.value) };
            },
            return: async (value?: unknown) => (it.return ? it.return(value) : { done: true, value: undefined }),
          };
        },
      };
    },
  });
}
