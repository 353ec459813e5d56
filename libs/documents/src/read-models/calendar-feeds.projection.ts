import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { CalendarFeedEvent } from '../domain/calendar-feed.events';

export const CALENDAR_FEEDS_TABLE = 'calendar_feeds';

/** Calendar feeds by the hash of their secret: what GET /calendar/<secret> looks up. */
export const calendarFeedsProjection: Projection = {
  name: 'calendar_feeds',
  version: 1,
  handles: ['CalendarFeedCreated', 'CalendarFeedRevoked'],
  tables: [CALENDAR_FEEDS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${CALENDAR_FEEDS_TABLE} (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      body TEXT,
      organization_id TEXT,
      lang TEXT NOT NULL,
      owner_user_id TEXT NOT NULL,
      owner_organization_id TEXT NOT NULL,
      owner_role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS calendar_feeds_owner ON ${CALENDAR_FEEDS_TABLE} (owner_user_id, owner_organization_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as CalendarFeedEvent;
    const at = typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt;
    const sql = statements(db);
    if (e.type === 'CalendarFeedCreated') {
      sql.create.run({
        id: e.data.feedId,
        token_hash: e.data.tokenHash,
        body: e.data.body,
        organization_id: e.data.organizationId,
        lang: e.data.lang,
        owner_user_id: e.data.ownerUserId,
        owner_organization_id: e.data.ownerOrganizationId,
        owner_role: e.data.ownerRole,
        created_at: at,
      });
    } else if (e.type === 'CalendarFeedRevoked') {
      sql.revoke.run({ id: e.data.feedId, at });
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  create: db.prepare(
    `INSERT OR IGNORE INTO ${CALENDAR_FEEDS_TABLE} (id, token_hash, body, organization_id, lang, owner_user_id, owner_organization_id, owner_role, created_at)
     VALUES (@id, @token_hash, @body, @organization_id, @lang, @owner_user_id, @owner_organization_id, @owner_role, @created_at)`,
  ),
  revoke: db.prepare(`UPDATE ${CALENDAR_FEEDS_TABLE} SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id`),
}));
