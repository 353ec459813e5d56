import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface TableDigest {
  readonly table: string;
  readonly exists: boolean;
  readonly rows: number;
  /** SHA-256 over the table's rows, each as the JSON array of its column values, sorted. */
  readonly digest: string;
  readonly lines: readonly string[];
}

/**
 * A digest of one read-model table that does not depend on row order or rowids: every row as a
 * JSON array of its columns (in the table's declared column order; bigints as decimal text), the
 * lines sorted, hashed together. The lines are kept to show differences.
 */
export function digestTable(db: Database, table: string): TableDigest {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  if (!exists) return { table, exists, rows: 0, digest: '', lines: [] };
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
  const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][];
  const lines = rows
    .map((row) => JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v)))
    .sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { table, exists, rows: lines.length, digest: hash.digest('hex'), lines };
}

export interface TableDifference {
  readonly table: string;
  readonly live: TableDigest;
  readonly rebuilt: TableDigest;
  /** Up to a few rows only in one of them. */
  readonly onlyLive: readonly string[];
  readonly onlyRebuilt: readonly string[];
}

export function compareTables(live: Database, rebuilt: Database, tables: readonly string[], examples = 3): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const table of tables) {
    const a = digestTable(live, table);
    const b = digestTable(rebuilt, table);
    if (a.exists === b.exists && a.digest === b.digest) continue;
    const inA = new Set(a.lines);
    const inB = new Set(b.lines);
    differences.push({
      table,
      live: a,
      rebuilt: b,
      onlyLive: a.lines.filter((l) => !inB.has(l)).slice(0, examples),
      onlyRebuilt: b.lines.filter((l) => !inA.has(l)).slice(0, examples),
    });
  }
  return differences;
}
