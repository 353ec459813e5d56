import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import type { Projection } from '@kom/projections';
import { nameKeyDigest } from '@kom/kernel';
import { ORGANIZATION_EVENT_TYPES } from '../domain/organization.events';
import { nameSortKey } from './name-sort-key';

export const ORGANIZATIONS_TABLE = 'organizations';

type Row = { organizationId: string; name: string; shortName: string | null; kind?: string };

// Upserts keyed by the stream revision: a row never moves backwards, so re-applying an event
// (after a rebuild, or twice) leaves the read model as it was.
export const organizationsProjection: Projection = {
  name: 'organizations',
  // 2: sort_key (names ordered with accents and Nordic letters folded); 3: a role granted or ended
  // moves the revision on (it is the organisation stream's revision, passed as expectedRevision);
  // 4: name_key, the key of names a person cannot tell apart (uniqueness of names, see
  // register-organization.command.ts); a new rule for the key bumps this version.
  version: 4,
  handles: ORGANIZATION_EVENT_TYPES,
  tables: [ORGANIZATIONS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${ORGANIZATIONS_TABLE} (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sort_key TEXT NOT NULL,
      name_key TEXT NOT NULL,
      short_name TEXT,
      kind TEXT NOT NULL,
      registered_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS organizations_by_name ON ${ORGANIZATIONS_TABLE} (sort_key, id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS organizations_by_name_key ON ${ORGANIZATIONS_TABLE} (name_key)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const occurredAt = String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt);
    const data = event.data as Row;
    if (event.type === 'OrganizationRegistered') {
      statements(db).register.run({
        id: data.organizationId,
        name: data.name,
        sort_key: nameSortKey(data.name),
        name_key: nameKeyDigest(data.name),
        short_name: data.shortName,
        kind: data.kind,
        at: occurredAt,
        revision: event.revision,
      });
    } else if (event.type === 'OrganizationRenamed') {
      statements(db).rename.run({
        id: data.organizationId,
        name: data.name,
        sort_key: nameSortKey(data.name),
        name_key: nameKeyDigest(data.name),
        short_name: data.shortName,
        at: occurredAt,
        revision: event.revision,
      });
    } else {
      statements(db).touch.run({ id: data.organizationId, at: occurredAt, revision: event.revision });
    }
  },
};

const cache = new WeakMap<Database, ReturnType<typeof prepare>>();
function statements(db: Database) {
  let prepared = cache.get(db);
  if (!prepared) cache.set(db, (prepared = prepare(db)));
  return prepared;
}

function prepare(db: Database) {
  return {
    register: db.prepare(
      `INSERT INTO ${ORGANIZATIONS_TABLE} (id, name, sort_key, name_key, short_name, kind, registered_at, updated_at, revision)
       VALUES (@id, @name, @sort_key, @name_key, @short_name, @kind, @at, @at, @revision)
       ON CONFLICT (id) DO NOTHING`,
    ),
    rename: db.prepare(
      `UPDATE ${ORGANIZATIONS_TABLE} SET name = @name, sort_key = @sort_key, name_key = @name_key, short_name = @short_name, updated_at = @at, revision = @revision
       WHERE id = @id AND revision < @revision`,
    ),
    touch: db.prepare(`UPDATE ${ORGANIZATIONS_TABLE} SET updated_at = @at, revision = @revision WHERE id = @id AND revision < @revision`),
  };
}
