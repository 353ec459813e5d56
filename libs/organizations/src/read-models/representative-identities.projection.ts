import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { IdentityLinkEvent } from '../domain/identity-link.events';
import type { RepresentativeEvent } from '../domain/representative.events';

export const REPRESENTATIVE_IDENTITIES_TABLE = 'representative_identities';

/**
 * Which representative each sign-in identity is linked to, by the subject's digest (the subject itself
 * only sealed under the representative's data key). Erasing the person deletes its links outright:
 * neither the sealed subject nor the digest stays behind here.
 */
export const representativeIdentitiesProjection: Projection = {
  name: 'representative-identities',
  version: 1,
  handles: ['RepresentativeIdentityLinked', 'RepresentativeIdentityUnlinked', 'PersonalDataErased'],
  tables: [REPRESENTATIVE_IDENTITIES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${REPRESENTATIVE_IDENTITIES_TABLE} (
      identity_key TEXT PRIMARY KEY,
      representative_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      linked_at TEXT NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS representative_identities_by_representative ON ${REPRESENTATIVE_IDENTITIES_TABLE} (representative_id, linked_at)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as IdentityLinkEvent | RepresentativeEvent;
    const sql = statements(db);
    switch (e.type) {
      case 'RepresentativeIdentityLinked':
        sql.link.run({
          key: e.data.identityKey,
          representative: e.data.representativeId,
          organization: e.data.organizationId,
          subject: e.data.subject,
          at: String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt),
        });
        break;
      case 'RepresentativeIdentityUnlinked':
        sql.unlink.run(e.data.identityKey, e.data.representativeId);
        break;
      case 'PersonalDataErased':
        sql.forget.run(e.data.representativeId);
        break;
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  // A subject moves on from a representative who is no longer current: the newest link wins.
  link: db.prepare(
    `INSERT INTO ${REPRESENTATIVE_IDENTITIES_TABLE} (identity_key, representative_id, organization_id, subject, linked_at)
     VALUES (@key, @representative, @organization, @subject, @at)
     ON CONFLICT (identity_key) DO UPDATE SET representative_id = excluded.representative_id,
       organization_id = excluded.organization_id, subject = excluded.subject, linked_at = excluded.linked_at`,
  ),
  unlink: db.prepare<[string, string]>(`DELETE FROM ${REPRESENTATIVE_IDENTITIES_TABLE} WHERE identity_key = ? AND representative_id = ?`),
  forget: db.prepare<[string]>(`DELETE FROM ${REPRESENTATIVE_IDENTITIES_TABLE} WHERE representative_id = ?`),
}));
