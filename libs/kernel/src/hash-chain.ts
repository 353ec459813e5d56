import { createHash } from 'node:crypto';
import { storedForm } from './upcasting';

/**
 * The per-stream hash chain, in ONE pure module shared by both store adapters and by every
 * verifier (online and offline), so that the computation cannot drift between them.
 *
 * Canonical serialisation (JCS-compatible, RFC 8785, for the JSON the platform stores):
 *  - objects: keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace;
 *  - strings and numbers: exactly as JSON.stringify renders them (shortest round-trip numbers);
 *  - the value is first read as JSON.stringify would store it: toJSON() is applied, properties
 *    that are undefined / functions / symbols are left out (null inside arrays), non-finite numbers
 *    become null. So the canonical form of a value equals that of its stored-and-read-back copy;
 *  - bigints are refused (JSON cannot hold them): revisions and positions are always rendered as
 *    decimal STRINGS ("0", "17", ...) by the code that builds a hashed object.
 *
 * Event hash: SHA-256, lower-case hex, over the UTF-8 bytes of
 *   canonical({ stream, revision: "<decimal>", type, data, metadata })
 * where `metadata` is the stored metadata WITHOUT its `hash` property (so it includes `prevHash`).
 * `prevHash` of a stream's first event (revision 0) is GENESIS_HASH (64 zeros).
 */
export const GENESIS_HASH = '0'.repeat(64);

const HEX64 = /^[0-9a-f]{64}$/;

export function isHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

export function canonicalJson(value: unknown): string {
  const out = canonical(value, '');
  if (out === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return out;
}

function canonical(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form; render it as a decimal string');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => canonical(item, String(i)) ?? 'null').join(',')}]`;
  }
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(object).sort()) {
    const v = canonical(object[k], k);
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${v}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** What the event hash covers. `metadata` may hold `hash`: it is left out. */
export interface HashedEventContent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * The exact string hashed for an event (see the module comment). An event read upcast to a newer
 * schema version is hashed as stored: the chain covers the stored bytes, never a reading of them.
 */
export function eventHashInput(read: HashedEventContent): string {
  const event = storedForm(read);
  const { hash: _hash, ...metadata } = event.metadata;
  return hashInputFromCanonical(event.streamId, event.revision, event.type, canonicalJson(event.data ?? null), canonicalJson(metadata));
}

export function computeEventHash(event: HashedEventContent): string {
  return sha256Hex(eventHashInput(event));
}

// Keys in sorted order: data, metadata, revision, stream, type.
function hashInputFromCanonical(stream: string, revision: bigint, type: string, data: string, metadata: string): string {
  return `{"data":${data},"metadata":${metadata},"revision":${JSON.stringify(String(revision))},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`;
}

/**
 * An event prepared for chaining before its revision and predecessor are known (the adapters
 * serialise at the call, and chain inside the write: SQLite's transaction, KurrentDB's read of the
 * stream's last event). Throws at preparation for a payload JSON cannot hold.
 */
export interface ChainableEvent {
  /** The metadata to store, minus prevHash/hash (a caller's own are replaced). */
  readonly metadata: Record<string, unknown>;
  /** Computes prevHash/hash for this event at `revision` after `prevHash`; returns the metadata to store. */
  chain(revision: bigint, prevHash: string): Record<string, unknown> & { prevHash: string; hash: string };
}

export function prepareChainable(streamId: string, type: string, data: unknown, metadata: Readonly<Record<string, unknown>>): ChainableEvent {
  const canonicalData = canonicalJson(data ?? null);
  // A JSON copy: later mutation of the caller's object cannot change what is hashed or stored.
  const copy = JSON.parse(JSON.stringify(metadata ?? {})) as Record<string, unknown>;
  delete copy.hash;
  delete copy.prevHash;
  return {
    metadata: copy,
    chain(revision, prevHash) {
      const withPrev = { ...copy, prevHash };
      const hash = sha256Hex(hashInputFromCanonical(streamId, revision, type, canonicalData, canonicalJson(withPrev)));
      return { ...withPrev, hash };
    },
  };
}

/** The stored hash of an event, when it carries a well-formed one. */
export function storedHash(metadata: unknown): string | undefined {
  const hash = (metadata as { hash?: unknown } | null | undefined)?.hash;
  return isHash(hash) ? hash : undefined;
}

/**
 * The hash a successor must chain to: the stored one, or — for an event recorded before the chain
 * existed — the hash of its content as stored (verification still reports such an event).
 */
export function chainHashOf(event: HashedEventContent): string {
  return storedHash(event.metadata) ?? computeEventHash(event);
}

export type ChainCheck = { readonly ok: true; readonly hash: string } | { readonly ok: false; readonly reason: string };

/**
 * Checks one event against its predecessor in the stream (undefined for the first). Pure: the
 * online verifier, the CLI and the offline bundle verifier all call this.
 */
export function checkChainLink(
  event: HashedEventContent,
  previous: { readonly revision: bigint; readonly hash: string } | undefined,
): ChainCheck {
  const expectedRevision = previous ? previous.revision + 1n : 0n;
  if (event.revision !== expectedRevision) {
    return { ok: false, reason: `revision ${event.revision} of ${event.streamId} follows revision ${expectedRevision - 1n}: an event is missing or out of order` };
  }
  const prevHash = event.metadata.prevHash;
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (prevHash !== expectedPrev) {
    return { ok: false, reason: `prevHash of ${event.streamId}@${event.revision} does not match the previous event's hash` };
  }
  const hash = event.metadata.hash;
  if (!isHash(hash)) return { ok: false, reason: `${event.streamId}@${event.revision} carries no hash` };
  const computed = computeEventHash(event);
  if (computed !== hash) {
    return { ok: false, reason: `the content of ${event.streamId}@${event.revision} does not match its hash` };
  }
  return { ok: true, hash };
}
