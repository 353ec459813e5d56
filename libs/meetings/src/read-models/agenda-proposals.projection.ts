import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { AgendaProposalEvent } from '../domain/agenda-proposal.events';
import { occurredAt } from './projection-support';

export const AGENDA_PROPOSALS_TABLE = 'agenda_proposals';

type Data<T extends AgendaProposalEvent['type']> = Extract<AgendaProposalEvent, { type: T }>['data'];
const data = <T extends AgendaProposalEvent['type']>(event: RecordedEvent, _type: T) => event.data as Data<T>;

/**
 * One row per proposal, as it stands. Idempotent by revision: an event at or below the row's
 * revision (re-applied after a crash) changes nothing.
 */
export const agendaProposalsProjection: Projection = {
  name: 'agenda-proposals',
  // 2: who proposed it (representative_id). 3: cited measures as (plan, number) pairs.
  version: 3,
  handles: ['AgendaItemProposed', 'AgendaProposalAccepted', 'AgendaProposalDeclined', 'AgendaProposalWithdrawn'],
  tables: [AGENDA_PROPOSALS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGENDA_PROPOSALS_TABLE} (
      proposal_id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      meeting_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      proposed_by TEXT NOT NULL,
      representative_id TEXT, -- the registered representative who proposed it; null when not recorded
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      cited_measures TEXT NOT NULL, -- JSON array of {plan, number}
      cited_issue_ids TEXT NOT NULL, -- JSON array of ids
      status TEXT NOT NULL, -- PROPOSED | ACCEPTED | DECLINED | WITHDRAWN
      reason TEXT,
      agenda_item_id TEXT,
      proposed_at TEXT NOT NULL,
      decided_at TEXT,
      decided_by TEXT,
      revision INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${AGENDA_PROPOSALS_TABLE}_meeting ON ${AGENDA_PROPOSALS_TABLE} (meeting_id, seq);
    CREATE INDEX IF NOT EXISTS ${AGENDA_PROPOSALS_TABLE}_org ON ${AGENDA_PROPOSALS_TABLE} (organization_id, seq);
    CREATE INDEX IF NOT EXISTS ${AGENDA_PROPOSALS_TABLE}_item ON ${AGENDA_PROPOSALS_TABLE} (agenda_item_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const at = occurredAt(event);
    const by = String((event.metadata as { actor?: { userId?: string } }).actor?.userId ?? '');
    const revision = Number(event.revision);
    switch (event.type) {
      case 'AgendaItemProposed': {
        const d = data(event, 'AgendaItemProposed');
        s.propose.run({
          proposal_id: d.proposalId,
          seq: Number(event.position),
          meeting_id: d.meetingId,
          organization_id: d.organizationId,
          proposed_by: by,
          representative_id: d.representativeId ?? null,
          title: d.title,
          description: d.description,
          cited_measures: JSON.stringify(d.citedMeasures),
          cited_issue_ids: JSON.stringify(d.citedIssueIds),
          at,
          revision,
        });
        break;
      }
      case 'AgendaProposalAccepted': {
        const d = data(event, 'AgendaProposalAccepted');
        s.decide.run({ proposal_id: d.proposalId, status: 'ACCEPTED', reason: null, item: d.agendaItemId, at, by, revision });
        break;
      }
      case 'AgendaProposalDeclined': {
        const d = data(event, 'AgendaProposalDeclined');
        s.decide.run({ proposal_id: d.proposalId, status: 'DECLINED', reason: d.reason, item: null, at, by, revision });
        break;
      }
      case 'AgendaProposalWithdrawn': {
        const d = data(event, 'AgendaProposalWithdrawn');
        s.decide.run({ proposal_id: d.proposalId, status: 'WITHDRAWN', reason: d.reason, item: null, at, by, revision });
        break;
      }
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  propose: db.prepare(
    `INSERT INTO ${AGENDA_PROPOSALS_TABLE}
       (proposal_id, seq, meeting_id, organization_id, proposed_by, representative_id, title, description, cited_measures, cited_issue_ids, status, proposed_at, revision)
     VALUES (@proposal_id, @seq, @meeting_id, @organization_id, @proposed_by, @representative_id, @title, @description, @cited_measures, @cited_issue_ids, 'PROPOSED', @at, @revision)
     ON CONFLICT (proposal_id) DO NOTHING`,
  ),
  decide: db.prepare(
    `UPDATE ${AGENDA_PROPOSALS_TABLE} SET status = @status, reason = @reason, agenda_item_id = @item, decided_at = @at, decided_by = @by, revision = @revision
     WHERE proposal_id = @proposal_id AND revision < @revision`,
  ),
}));
