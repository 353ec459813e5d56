import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PLAN_ID, type MeasureCitationRef } from '@kom/kernel';
import { READ_MODELS } from '@kom/platform';
import { memoized, prepared, type ReadModelDatabase } from '@kom/projections';
import { AGENDA_AMENDMENTS_TABLE, AGENDA_ITEMS_TABLE } from './agenda.projection';
import { MEETINGS_TABLE } from './meetings.projection';

export interface AgendaItemView {
  meetingId: string;
  id: string;
  /** 0-based place on the agenda; null once removed by an amendment. */
  position: number | null;
  title: string;
  description: string;
  presentingOrganizationId: string | null;
  /** (plan, number) pairs. */
  citedMeasures: MeasureCitationRef[];
  sourceIssueId: string | null;
  addedByAmendment: boolean;
  updatedByAmendment: boolean;
  removedByAmendment: boolean;
  removalReason: string | null;
}

export type AgendaAmendmentKind = 'ADDED' | 'UPDATED' | 'REORDERED' | 'REMOVED';

export interface AgendaAmendmentView {
  meetingId: string;
  kind: AgendaAmendmentKind;
  itemId: string | null;
  title: string | null;
  reason: string | null;
  /** For REORDERED: the new order. */
  itemIds: string[] | null;
  occurredAt: string | null;
  /** The meeting stream's revision of the change. */
  revision: number;
}

type ItemRow = Omit<AgendaItemView, 'citedMeasures' | 'addedByAmendment' | 'updatedByAmendment' | 'removedByAmendment'> & {
  citedMeasures: string;
  addedByAmendment: number;
  updatedByAmendment: number;
  removedByAmendment: number;
};

const ITEM_COLUMNS = `meeting_id AS meetingId, item_id AS id, position, title, description,
  presenting_organization_id AS presentingOrganizationId, cited_measures AS citedMeasures, source_issue_id AS sourceIssueId,
  added_by_amendment AS addedByAmendment, updated_by_amendment AS updatedByAmendment,
  removed_by_amendment AS removedByAmendment, removal_reason AS removalReason`;

export function toAgendaItem(row: ItemRow): AgendaItemView {
  return {
    ...row,
    citedMeasures: JSON.parse(row.citedMeasures) as MeasureCitationRef[],
    addedByAmendment: row.addedByAmendment === 1,
    updatedByAmendment: row.updatedByAmendment === 1,
    removedByAmendment: row.removedByAmendment === 1,
  };
}

@Injectable()
export class AgendaQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** The items in agenda order; items removed by amendment follow, in the order they were removed. */
  items(meetingId: string): readonly AgendaItemView[] {
    return memoized(this.readModels.db, `agenda.items ${meetingId}`, () => this.readItems(meetingId));
  }

  private readItems(meetingId: string): AgendaItemView[] {
    const rows = prepared(this.readModels.db,
        `SELECT ${ITEM_COLUMNS} FROM ${AGENDA_ITEMS_TABLE} WHERE meeting_id = ?
         ORDER BY position IS NULL, position, removed_at, item_id`,
      )
      .all(meetingId) as ItemRow[];
    return rows.map(toAgendaItem);
  }

  /**
   * The items on an agenda now (not removed) that cite a measure, by their meeting's start, with
   * whether that agenda is published (a draft is the secretariat's only).
   */
  citingMeasure(measure: number, plan: string = DEFAULT_PLAN_ID): Array<AgendaItemView & { agendaPublished: boolean; meetingStartsAt: string }> {
    const rows = this.readModels.db
      .prepare(
        `SELECT ${ITEM_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1a.$2')}, m.agenda_published_at IS NOT NULL AS agendaPublished, m.starts_at AS meetingStartsAt
         FROM ${AGENDA_ITEMS_TABLE} a JOIN ${MEETINGS_TABLE} m ON m.id = a.meeting_id
         WHERE a.position IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(a.cited_measures) WHERE json_extract(value, '$.plan') = ? AND json_extract(value, '$.number') = ?)
         ORDER BY m.starts_at, a.position`,
      )
      .all(plan, measure) as Array<ItemRow & { agendaPublished: number; meetingStartsAt: string }>;
    return rows.map(({ agendaPublished, meetingStartsAt, ...row }) => ({ ...toAgendaItem(row), agendaPublished: agendaPublished === 1, meetingStartsAt }));
  }

  item(meetingId: string, itemId: string): AgendaItemView | undefined {
    const row = prepared(this.readModels.db, `SELECT ${ITEM_COLUMNS} FROM ${AGENDA_ITEMS_TABLE} WHERE meeting_id = ? AND item_id = ?`)
      .get(meetingId, itemId) as ItemRow | undefined;
    return row && toAgendaItem(row);
  }

  /** Every change made to the agenda after it was published, oldest first. */
  amendments(meetingId: string): AgendaAmendmentView[] {
    const rows = prepared(this.readModels.db,
        `SELECT meeting_id AS meetingId, kind, item_id AS itemId, title, reason, item_ids AS itemIds, occurred_at AS occurredAt, revision
         FROM ${AGENDA_AMENDMENTS_TABLE} WHERE meeting_id = ? ORDER BY revision`,
      )
      .all(meetingId) as Array<Omit<AgendaAmendmentView, 'itemIds'> & { itemIds: string | null }>;
    return rows.map((row) => ({ ...row, itemIds: row.itemIds === null ? null : (JSON.parse(row.itemIds) as string[]) }));
  }
}
