import type { EventStore } from './event-store.port';

/**
 * `store` with some of its methods replaced by `overrides`; every other property passes through
 * to the store, its methods bound to it once rather than on each access (the command path reads
 * them on every command, through every decorator of the platform's store). Adapter-specific
 * members (a SQLite store's `filename`, `stats`) stay reachable.
 */
export function decorateStore(store: EventStore, overrides: Partial<EventStore>): EventStore {
  const bound = new WeakMap<object, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property as keyof EventStore];
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      let method = bound.get(value);
      if (method === undefined) bound.set(value, (method = (value as (...args: unknown[]) => unknown).bind(target)));
      return method;
    },
  });
}
