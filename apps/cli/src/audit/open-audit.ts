import { join } from 'node:path';
import { loadOrCreateAuditKey, openLeafHints as openRecordedLeaves, type AuditSigningKey } from '@kom/audit';
import { createEventStore, type EventStore } from '@kom/event-store';
import type { KomConfig } from '@kom/platform';

/** The store and the audit key as the API would open them, for the audit commands. */
export async function openAudit(config: KomConfig): Promise<{ store: EventStore; key: AuditSigningKey }> {
  const key = loadOrCreateAuditKey(config.audit.keyFile);
  return { store: await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir }), key };
}

export function liveReadModelsFile(config: KomConfig): string {
  return join(config.dataDir, 'read-models.sqlite');
}

/** The leaves this replica's notary recorded (in its read models), read-only, as hints that locate a change exactly. */
export function openLeafHints(config: KomConfig): ReturnType<typeof openRecordedLeaves> {
  return openRecordedLeaves(liveReadModelsFile(config));
}
