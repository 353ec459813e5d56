import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { CHECKPOINT_EVENT_TYPE, isCheckpointData, isLeafEvent, leafHashOf } from '../checkpoints/audit-log-format';

export const AUDIT_LEAVES_TABLE = 'audit_leaves';
export const AUDIT_CHECKPOINTS_TABLE = 'audit_checkpoints';

/**
 * The notary's local state, a checkpointed consumer of the log like any projection: one row per
 * Merkle leaf (every event but the checkpoints, in global order) and one per checkpoint recorded.
 * Rebuilt from the log when missing (or on `replay`); the in-memory tree is built from it.
 */
export const auditLeavesProjection: Projection = {
  name: 'audit_leaves',
  version: 1,
  handles: '*',
  tables: [AUDIT_LEAVES_TABLE, AUDIT_CHECKPOINTS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${AUDIT_LEAVES_TABLE} (
      leaf_index INTEGER PRIMARY KEY,
      position TEXT NOT NULL,   -- decimal: KurrentDB positions exceed 2^63
      event_id TEXT NOT NULL UNIQUE,
      leaf_hash TEXT NOT NULL
    )`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${AUDIT_CHECKPOINTS_TABLE} (
      tree_size INTEGER PRIMARY KEY,
      root_hash TEXT NOT NULL,
      position TEXT NOT NULL,
      time TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signature TEXT NOT NULL,
      event_id TEXT NOT NULL,
      event_position TEXT NOT NULL
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const sql = statements(db);
    if (isLeafEvent(event)) {
      sql.leaf.run(String(event.position), event.id, leafHashOf(event));
    } else if (event.type === CHECKPOINT_EVENT_TYPE && isCheckpointData(event.data)) {
      const d = event.data;
      sql.checkpoint.run(d.treeSize, d.rootHash, d.position, d.time, d.keyId, d.signature, event.id, String(event.position));
    }
  },
};

const statements = preparedStatements((db) => ({
  // MAX over the integer primary key is read from the end of the b-tree.
  leaf: db.prepare<[string, string, string]>(
    `INSERT INTO ${AUDIT_LEAVES_TABLE} (leaf_index, position, event_id, leaf_hash)
     VALUES ((SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ${AUDIT_LEAVES_TABLE}), ?, ?, ?)`,
  ),
  checkpoint: db.prepare<[number, string, string, string, string, string, string, string]>(
    `INSERT OR IGNORE INTO ${AUDIT_CHECKPOINTS_TABLE} (tree_size, root_hash, position, time, key_id, signature, event_id, event_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));
