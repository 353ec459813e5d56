import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AUDIT_LEAVES_TABLE, loadOrCreateAuditKey, type AuditSigningKey, type LeafHint } from '@kom/audit';
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

/**
 * The leaves this replica's notary recorded (in its read models), read-only, as hints that locate a
 * change exactly; the verifier trusts them only where they reproduce a signed root.
 */
export function openLeafHints(config: KomConfig): { hints: ((from: number, to: number) => LeafHint[]) | undefined; close: () => void } {
  const file = liveReadModelsFile(config);
  if (!existsSync(file)) return { hints: undefined, close: () => undefined };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(AUDIT_LEAVES_TABLE);
  if (!exists) {
    db.close();
    return { hints: undefined, close: () => undefined };
  }
  const select = db.prepare(`SELECT position, leaf_hash FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index`);
  return {
    hints: (from, to) => (select.all(from, to) as Array<{ position: string; leaf_hash: string }>).map((r) => ({ position: BigInt(r.position), leafHash: r.leaf_hash })),
    close: () => db.close(),
  };
}
