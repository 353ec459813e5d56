import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';
import { KEY_ROTATION_STREAM, isKeyRotationData, keyRingOf, type KeyRing, type KeyRotationData } from './key-rotation';
import type { AuditPublicKey } from './signing';

/** The rotations recorded in the log, in order, with their events (for positions). */
export async function readKeyRotations(store: EventStore): Promise<Array<{ event: RecordedEvent; data: KeyRotationData }>> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(KEY_ROTATION_STREAM);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events.map((event) => {
    if (!isKeyRotationData(event.data)) throw new Error(`the key rotation at position ${event.position} is malformed`);
    return { event, data: event.data };
  });
}

/** The log's key ring; `current` stands alone while the log records no rotation. */
export async function readKeyRing(store: EventStore, current: AuditPublicKey): Promise<{ ring: KeyRing; rotations: KeyRotationData[] }> {
  const rotations = (await readKeyRotations(store)).map((r) => r.data);
  return { ring: keyRingOf(rotations, current), rotations };
}
