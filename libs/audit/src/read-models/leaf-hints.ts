import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { LeafHint } from '../verification/log-verifier';
import { AUDIT_LEAVES_TABLE } from './audit-leaves.projection';

export type LeafHints = (fromIndex: number, toIndex: number) => LeafHint[];

/**
 * The leaves a replica's notary recorded in its read-model file, opened read-only: hints that locate
 * a change exactly (the verifier trusts them only where they reproduce a signed root). None when
 * the file or the table is missing.
 */
export function openLeafHints(file: string | undefined): { hints: LeafHints | undefined; close: () => void } {
  const none = { hints: undefined, close: () => undefined };
  if (!file || !existsSync(file)) return none;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(AUDIT_LEAVES_TABLE);
  if (!exists) {
    db.close();
    return none;
  }
  const select = db.prepare(`SELECT position, leaf_hash FROM ${AUDIT_LEAVES_TABLE} WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index`);
  return {
    hints: (from, to) => (select.all(from, to) as Array<{ position: string; leaf_hash: string }>).map((r) => ({ position: BigInt(r.position), leafHash: r.leaf_hash })),
    close: () => db.close(),
  };
}
