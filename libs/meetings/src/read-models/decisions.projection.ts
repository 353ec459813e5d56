import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, occurredAt } from './projection-support';

export const DECISIONS_TABLE = 'decisions';
export const DECISION_POSITIONS_TABLE = 'decision_positions';

/**
 * Decisions (never edited: ACTIVE, then SUPERSEDED or REVOKED) and each organisation's position on
 * them. A decision lives on the stream of the meeting that took it, so a row's revision is that
 * stream's: DecisionRecorded (with `supersedes` on the new decision) and DecisionSuperseded /
 * DecisionRevoked (on the old decision's meeting stream) are guarded by it. The link is kept both
 * ways: `supersedes` on the new row, `superseded_by` on the old one.
 */
export const decisionsProjection: Projection = {
  name: 'decisions',
  // 2: the research-need columns. 3: who recorded a position (representative_id).
  version: 4,
  handles: ['DecisionRecorded', 'PositionRecorded', 'DecisionSuperseded', 'DecisionRevoked', 'DecisionResearchNeedFlagged'],
  tables: [DECISIONS_TABLE, DECISION_POSITIONS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${DECISIONS_TABLE} (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      agenda_item_id TEXT NOT NULL,
      text TEXT NOT NULL,
      rationale TEXT NOT NULL,
      cited_measures TEXT NOT NULL, -- JSON array of {plan, number}
      review_date TEXT,
      status TEXT NOT NULL, -- ACTIVE | SUPERSEDED | REVOKED
      supersedes TEXT,
      superseded_by TEXT,
      superseded_by_meeting_id TEXT,
      revoked_reason TEXT,
      research_need TEXT,
      research_need_at TEXT,
      recorded_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS decisions_by_meeting ON ${DECISIONS_TABLE} (meeting_id, recorded_at)`);
    db.exec(`CREATE INDEX IF NOT EXISTS decisions_by_recorded ON ${DECISIONS_TABLE} (recorded_at, id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${DECISION_POSITIONS_TABLE} (
      decision_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      position TEXT NOT NULL, -- SUPPORTS | ABSTAINS | OBJECTS
      reason TEXT,
      representative_id TEXT,
      recorded_at TEXT NOT NULL,
      revision INTEGER NOT NULL,
      PRIMARY KEY (decision_id, organization_id)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS decision_positions_by_organization ON ${DECISION_POSITIONS_TABLE} (organization_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const at = occurredAt(event);
    const revision = event.revision;
    switch (event.type) {
      case 'DecisionRecorded': {
        const d = dataOf(event, 'DecisionRecorded');
        s.record.run({
          id: d.decisionId,
          meeting_id: d.meetingId,
          agenda_item_id: d.agendaItemId,
          text: d.text,
          rationale: d.rationale,
          cited_measures: JSON.stringify(d.citedMeasures),
          review_date: d.reviewDate,
          supersedes: d.supersedes,
          at,
          revision,
        });
        break;
      }
      case 'PositionRecorded': {
        const d = dataOf(event, 'PositionRecorded');
        s.position.run({
          decision_id: d.decisionId,
          organization_id: d.organizationId,
          meeting_id: d.meetingId,
          position: d.position,
          reason: d.reason,
          representative_id: d.representativeId ?? null,
          at,
          revision,
        });
        break;
      }
      case 'DecisionSuperseded': {
        const d = dataOf(event, 'DecisionSuperseded');
        s.supersede.run({ id: d.decisionId, by: d.supersededByDecisionId, by_meeting: d.supersededByMeetingId, at, revision });
        break;
      }
      case 'DecisionRevoked': {
        const d = dataOf(event, 'DecisionRevoked');
        s.revoke.run({ id: d.decisionId, reason: d.reason, at, revision });
        break;
      }
      case 'DecisionResearchNeedFlagged': {
        const d = dataOf(event, 'DecisionResearchNeedFlagged');
        s.researchNeed.run({ id: d.decisionId, text: d.text, at, revision });
        break;
      }
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  record: db.prepare(
    `INSERT INTO ${DECISIONS_TABLE} (id, meeting_id, agenda_item_id, text, rationale, cited_measures, review_date, status,
       supersedes, superseded_by, superseded_by_meeting_id, revoked_reason, recorded_at, updated_at, revision)
     VALUES (@id, @meeting_id, @agenda_item_id, @text, @rationale, @cited_measures, @review_date, 'ACTIVE',
       @supersedes, NULL, NULL, NULL, @at, @at, @revision)
     ON CONFLICT (id) DO NOTHING`,
  ),
  position: db.prepare(
    `INSERT INTO ${DECISION_POSITIONS_TABLE} (decision_id, organization_id, meeting_id, position, reason, representative_id, recorded_at, revision)
     VALUES (@decision_id, @organization_id, @meeting_id, @position, @reason, @representative_id, @at, @revision)
     ON CONFLICT (decision_id, organization_id) DO UPDATE SET position = excluded.position, reason = excluded.reason,
       representative_id = excluded.representative_id,
       recorded_at = excluded.recorded_at, revision = excluded.revision
     WHERE excluded.revision > ${DECISION_POSITIONS_TABLE}.revision`,
  ),
  supersede: db.prepare(
    `UPDATE ${DECISIONS_TABLE} SET status = 'SUPERSEDED', superseded_by = @by, superseded_by_meeting_id = @by_meeting,
       updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
  researchNeed: db.prepare(
    `UPDATE ${DECISIONS_TABLE} SET research_need = @text, research_need_at = @at, updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
  revoke: db.prepare(
    `UPDATE ${DECISIONS_TABLE} SET status = 'REVOKED', revoked_reason = @reason, updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
}));
