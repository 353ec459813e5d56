import type { EventSchema } from './event-schema';

/**
 * Event schema evolution. Stored events are never rewritten: the hash chain covers their bytes, and
 * an auditor must be able to check years-old proofs against them. Instead, an event type that
 * changes shape gets a new schema version and an upcaster `vN → vN+1`, applied on every read;
 * writers only ever append the newest version.
 */
export interface Upcaster<From = unknown, To = unknown> {
  readonly type: string;
  readonly from: EventSchema<string, From>;
  readonly to: EventSchema<string, To>;
  /** Pure: the same stored data gives the same newer data. `metadata` is the stored metadata. */
  upcast(data: From, metadata: Readonly<Record<string, unknown>>): To;
}

export function defineUpcaster<Type extends string, From, To>(
  from: EventSchema<Type, From>,
  to: EventSchema<Type, To>,
  upcast: (data: From, metadata: Readonly<Record<string, unknown>>) => To,
): Upcaster<From, To> {
  if (from.type !== to.type) throw new Error(`An upcaster maps one event type: ${from.type} is not ${to.type}`);
  if (to.version !== from.version + 1) {
    throw new Error(`An upcaster goes one version up: ${from.type} v${from.version} → v${to.version}`);
  }
  return { type: from.type, from, to, upcast } as Upcaster<From, To>;
}

/** The version an event was stored at; events from before versions were recorded are version 1. */
export function storedSchemaVersion(metadata: Readonly<Record<string, unknown>> | null | undefined): number {
  const version = metadata?.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/** Every upcaster of the platform, chained per type: v1 → v2 → … → the newest. */
export class Upcasters {
  private readonly byStep = new Map<string, Upcaster>();
  private readonly newest = new Map<string, number>();

  constructor(upcasters: Iterable<Upcaster> = []) {
    for (const u of upcasters) {
      const key = `${u.type}@${u.from.version}`;
      if (this.byStep.has(key)) throw new Error(`Two upcasters for ${u.type} v${u.from.version}`);
      this.byStep.set(key, u);
      this.newest.set(u.type, Math.max(this.newest.get(u.type) ?? 0, u.to.version));
    }
    for (const [type, version] of this.newest) {
      for (let v = 1; v < version; v++) {
        if (!this.byStep.has(`${type}@${v}`)) throw new Error(`No upcaster for ${type} v${v} → v${v + 1}: the chain has a gap`);
      }
    }
  }

  get isEmpty(): boolean {
    return this.byStep.size === 0;
  }

  /** Every schema an upcaster starts from: the older versions still found in logs. */
  olderSchemas(): EventSchema[] {
    return [...this.byStep.values()].map((u) => u.from);
  }

  /**
   * The event's data at the newest version, or undefined when it is stored at the newest already
   * (or its type never changed). A version newer than this code knows is left as it is.
   */
  upcast(type: string, metadata: Readonly<Record<string, unknown>>, data: unknown): { version: number; data: unknown } | undefined {
    const newest = this.newest.get(type);
    let version = storedSchemaVersion(metadata);
    if (newest === undefined || version >= newest) return undefined;
    let current = data;
    while (version < newest) {
      current = this.byStep.get(`${type}@${version}`)!.upcast(current, metadata);
      version++;
    }
    return { version, data: current };
  }
}

const STORED_FORM = Symbol.for('kom.storedForm');

interface WithContent {
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

interface StoredForm {
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The upcast content this stored form belongs to: a copy with other content is not this event. */
  readonly upcastData: unknown;
  readonly upcastMetadata: unknown;
}

/**
 * The event as read, upcast to the newest version, remembering the stored form (under a symbol:
 * invisible to JSON, kept by spreads). Hashes and exports use `storedForm`.
 */
export function withStoredForm<E extends WithContent>(stored: E, data: unknown, schemaVersion: number): E {
  const metadata = { ...stored.metadata, schemaVersion };
  const form: StoredForm = { data: stored.data, metadata: stored.metadata, upcastData: data, upcastMetadata: metadata };
  return { ...stored, data, metadata, [STORED_FORM]: form };
}

/**
 * The event's content as the store holds it, which the hash chain covers: an upcast event's stored
 * data and metadata, or the event itself. A copy whose data or metadata was replaced is taken as it
 * is, so tampering with an upcast event is still seen.
 */
export function storedForm<E extends WithContent>(event: E): E {
  const form = (event as { [STORED_FORM]?: StoredForm })[STORED_FORM];
  if (!form || form.upcastData !== event.data || form.upcastMetadata !== event.metadata) return event;
  return { ...event, data: form.data, metadata: form.metadata };
}
