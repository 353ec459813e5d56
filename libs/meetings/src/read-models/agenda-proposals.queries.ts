import { Inject, Injectable } from '@nestjs/common';
import type { MeasureCitationRef } from '@kom/kernel';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import type { AgendaProposalStatus } from '../domain/agenda-proposal.decider';
import { AGENDA_PROPOSALS_TABLE } from './agenda-proposals.projection';

export interface AgendaProposalView {
  id: string;
  seq: number;
  meetingId: string;
  organizationId: string;
  proposedBy: string;
  /** The registered representative who proposed it; null when not recorded. */
  representativeId: string | null;
  title: string;
  description: string;
  /** (plan, number) pairs. */
  citedMeasures: MeasureCitationRef[];
  citedIssueIds: string[];
  status: AgendaProposalStatus;
  reason: string | null;
  agendaItemId: string | null;
  proposedAt: string;
  decidedAt: string | null;
  revision: number;
}

export interface AgendaProposalFilter {
  readonly meetingId?: string | null;
  readonly organizationId?: string | null;
  readonly status?: AgendaProposalStatus | null;
}

type Row = Omit<AgendaProposalView, 'citedMeasures' | 'citedIssueIds'> & { citedMeasures: string; citedIssueIds: string };

const COLUMNS = `proposal_id AS id, seq, meeting_id AS meetingId, organization_id AS organizationId, proposed_by AS proposedBy, representative_id AS representativeId,
  title, description, cited_measures AS citedMeasures, cited_issue_ids AS citedIssueIds, status, reason,
  agenda_item_id AS agendaItemId, proposed_at AS proposedAt, decided_at AS decidedAt, revision`;

const view = (row: Row): AgendaProposalView => ({
  ...row,
  citedMeasures: JSON.parse(row.citedMeasures) as MeasureCitationRef[],
  citedIssueIds: JSON.parse(row.citedIssueIds) as string[],
});

@Injectable()
export class AgendaProposalsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(proposalId: string): AgendaProposalView | undefined {
    const row = this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${AGENDA_PROPOSALS_TABLE} WHERE proposal_id = ?`).get(proposalId) as Row | undefined;
    return row && view(row);
  }

  /** The proposal an agenda item was accepted from, if any. */
  byAgendaItem(agendaItemId: string): AgendaProposalView | undefined {
    const row = this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${AGENDA_PROPOSALS_TABLE} WHERE agenda_item_id = ?`).get(agendaItemId) as Row | undefined;
    return row && view(row);
  }

  /** Newest first; `beforeSeq` pages on. */
  list(filter: AgendaProposalFilter, limit: number, beforeSeq: number | undefined): AgendaProposalView[] {
    const rows = this.readModels.db
      .prepare(
        `SELECT ${COLUMNS} FROM ${AGENDA_PROPOSALS_TABLE}
         WHERE (@meetingId IS NULL OR meeting_id = @meetingId)
           AND (@organizationId IS NULL OR organization_id = @organizationId)
           AND (@status IS NULL OR status = @status)
           AND (@beforeSeq IS NULL OR seq < @beforeSeq)
         ORDER BY seq DESC LIMIT @limit`,
      )
      .all({
        meetingId: filter.meetingId ?? null,
        organizationId: filter.organizationId ?? null,
        status: filter.status ?? null,
        beforeSeq: beforeSeq ?? null,
        limit,
      }) as Row[];
    return rows.map(view);
  }
}
