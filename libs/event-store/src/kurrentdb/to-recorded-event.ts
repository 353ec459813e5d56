import type { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { Position, RecordedEvent } from '../event-store.port';
import { decodeMetadata } from './multi-stream-metadata';
import { hasPosition, packPosition } from './position';

/** What the client yields from readStream (ResolvedEvent) and from readAll / subscribeToAll (AllStreamResolvedEvent). */
export type ClientResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/**
 * System events: KurrentDB's own records ($stats, $settings, projection and link events, metadata
 * streams $$...). Their type or their stream starts with '$'; the port never shows them in $all.
 */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * The packed $all position of a resolved event, or undefined when the server reported none.
 * Links are never resolved by this adapter, so the record itself (event, else link) carries it.
 */
export function positionOf(resolved: ClientResolvedEvent): Position | undefined {
  const record = resolved.event ?? resolved.link;
  const position = record?.position;
  return hasPosition(position) ? packPosition(position) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function toMetadata(metadata: unknown): Record<string, unknown> {
  // The client gives undefined for empty metadata, the parsed JSON otherwise, raw bytes when it is not JSON.
  if (metadata === undefined || metadata === null) return {};
  if (isPlainObject(metadata)) return decodeMetadata(metadata);
  // Not written by this system (our writers always send an object): keep it rather than lose it.
  return { $value: metadata };
}

function toIsoString(created: Date | undefined): string {
  const time = created instanceof Date ? created.getTime() : Number.NaN;
  return new Date(Number.isFinite(time) ? time : 0).toISOString();
}

/**
 * Converts a client ResolvedEvent to the port's RecordedEvent. Throws when the event carries no
 * record or no $all position (servers older than 22.6 omit positions on stream reads).
 * JSON events come back parsed by the client; binary events keep their bytes as data.
 */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) {
    throw new Error('KurrentDB returned a resolved event without a record (unresolved link?)');
  }
  const position = positionOf(resolved);
  if (position === undefined) {
    throw new Error(
      `KurrentDB returned event ${event.id} of stream ${event.streamId} without a $all position ` +
        '(KurrentDB/EventStoreDB 22.6 or later is required)',
    );
  }
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: BigInt(event.revision),
    position,
    data: event.data as unknown,
    metadata: toMetadata(event.metadata),
    recordedAt: toIsoString(event.created),
  };
}

/**
 * For $all reads and subscriptions: the port's RecordedEvent, or undefined for what the port
 * never shows there (system events, records without an event).
 */
export function toUserRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event)) return undefined;
  return toRecordedEvent(resolved);
}
