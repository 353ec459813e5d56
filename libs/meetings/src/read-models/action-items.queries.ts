import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, READ_MODELS, type Clock } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import { ACTION_ITEMS_TABLE, ACTION_ITEM_PROGRESS_TABLE } from './action-items.projection';
import { MEETINGS_TABLE } from './meetings.projection';
import { osloDate } from '@kom/kernel';

export type ActionItemStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';

export interface ActionItemView {
  id: string;
  meetingId: string;
  decisionId: string | null;
  agendaItemId: string | null;
  description: string;
  responsibleOrganizationId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: ActionItemStatus;
  completionNote: string | null;
  cancelledReason: string | null;
}

export interface ActionItemProgressView {
  note: string;
  /** ISO 8601 (occurredAt of the report). */
  reportedAt: string;
  /** The organisation of whoever reported it. */
  organizationId: string | null;
}

export interface ActionItemFilter {
  responsibleOrganizationId?: string | null;
  status?: ActionItemStatus | null;
  /** true: OPEN with a due date before today (Europe/Oslo, from the injected clock); false: all others. */
  overdue?: boolean | null;
}

const COLUMNS = `ai.id, ai.meeting_id AS meetingId, ai.decision_id AS decisionId, ai.agenda_item_id AS agendaItemId, ai.description,
  ai.responsible_organization_id AS responsibleOrganizationId, ai.due_date AS dueDate, ai.status,
  ai.completion_note AS completionNote, ai.cancelled_reason AS cancelledReason`;

@Injectable()
export class ActionItemsQueries {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today's date in Norway, by the injected clock. */
  today(): string {
    return osloDate(this.clock.now());
  }

  byId(id: string): ActionItemView | undefined {
    return prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${ACTION_ITEMS_TABLE} ai WHERE ai.id = ?`).get(id) as ActionItemView | undefined;
  }

  /** The progress notes of one action item, in the order reported. */
  progress(actionItemId: string): ActionItemProgressView[] {
    return prepared(this.readModels.db,
        `SELECT note, reported_at AS reportedAt, organization_id AS organizationId FROM ${ACTION_ITEM_PROGRESS_TABLE}
         WHERE action_item_id = ? ORDER BY revision`,
      )
      .all(actionItemId) as ActionItemProgressView[];
  }

  byMeeting(meetingId: string): ActionItemView[] {
    return prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${ACTION_ITEMS_TABLE} ai WHERE ai.meeting_id = ? ORDER BY ai.assigned_at, ai.id`)
      .all(meetingId) as ActionItemView[];
  }

  /** Ordered by due date, then id; `after` is the previous page's last (dueDate, id). */
  page(options: { limit: number; after?: { dueDate: string; id: string }; filter?: ActionItemFilter }): ActionItemView[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit };
    const f = options.filter ?? {};
    if (f.responsibleOrganizationId) (where.push('ai.responsible_organization_id = @org'), (params.org = f.responsibleOrganizationId));
    if (f.status) (where.push('ai.status = @status'), (params.status = f.status));
    if (f.overdue === true || f.overdue === false) {
      const overdue = `(ai.status = 'OPEN' AND ai.due_date < @today)`;
      where.push(f.overdue ? overdue : `NOT ${overdue}`);
      params.today = this.today();
    }
    if (options.after) {
      where.push('(ai.due_date, ai.id) > (@afterDue, @afterId)');
      params.afterDue = options.after.dueDate;
      params.afterId = options.after.id;
    }
    const sql = `SELECT ${COLUMNS} FROM ${ACTION_ITEMS_TABLE} ai ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY ai.due_date, ai.id LIMIT @limit`;
    return prepared(this.readModels.db, sql).all(params) as ActionItemView[];
  }

  /**
   * What to offer as agenda items of a meeting: the OPEN action items set at earlier meetings of the
   * same body (same kind) that are overdue at this meeting's start (due date before the meeting's
   * date in Norway). They stay on offer at each following meeting of that body until closed.
   */
  suggestedFor(meeting: { id: string; kind: string; startsAt: string }): ActionItemView[] {
    return prepared(this.readModels.db,
        `SELECT ${COLUMNS} FROM ${ACTION_ITEMS_TABLE} ai JOIN ${MEETINGS_TABLE} m ON m.id = ai.meeting_id
         WHERE m.kind = @kind AND m.starts_at < @startsAt AND m.id <> @id AND ai.status = 'OPEN' AND ai.due_date < @date
         ORDER BY ai.due_date, ai.id`,
      )
      .all({
        kind: meeting.kind,
        startsAt: new Date(meeting.startsAt).toISOString(),
        id: meeting.id,
        date: osloDate(meeting.startsAt),
      }) as ActionItemView[];
  }
}
