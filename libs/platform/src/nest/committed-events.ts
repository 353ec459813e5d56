import type { RecordedEvent } from '@kom/event-store';
import type { ProjectionsService } from './projections.service';

/**
 * Events of the given types as an async iterator, each delivered only once this replica's read
 * models show it — what a GraphQL subscription needs to push a fresh read-model row. A slow
 * client that falls more than `maxBuffered` events behind is disconnected rather than buffered
 * without bound.
 */
export function committedEvents(
  projections: ProjectionsService,
  accept: (event: RecordedEvent) => boolean,
  maxBuffered = 1000,
): AsyncIterableIterator<RecordedEvent> {
  const queue: RecordedEvent[] = [];
  let waiting: ((result: IteratorResult<RecordedEvent>) => void) | undefined;
  let done = false;
  let overflow: Error | undefined;

  const stop = projections.onCommitted((events) => {
    for (const event of events) {
      if (done || !accept(event)) continue;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: event, done: false });
      } else if (queue.length >= maxBuffered) {
        overflow = new Error('Subscriber fell too far behind; resubscribe');
        finish();
      } else queue.push(event);
    }
  });

  function finish(): void {
    done = true;
    stop();
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
  }

  const iterator: AsyncIterableIterator<RecordedEvent> = {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (overflow) return Promise.reject(overflow);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      finish();
      queue.length = 0;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * The events of `source` mapped for one subscriber (e.g. read as that caller may see them); an event
 * that maps to undefined is skipped. Ending the result ends the source at once, also while it waits.
 */
export function mapCommitted<T>(source: AsyncIterableIterator<RecordedEvent>, map: (event: RecordedEvent) => T | undefined): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        const value = map(result.value);
        if (value !== undefined) return { value, done: false };
      }
    },
    async return(): Promise<IteratorResult<T>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
