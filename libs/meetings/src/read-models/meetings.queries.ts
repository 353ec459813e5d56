import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput, parseIsoInstantOrDate } from '@kom/kernel';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { MeetingKind } from '../domain/meeting.events';
import { MEETINGS_TABLE } from './meetings.projection';

export type MeetingStatus = 'SCHEDULED' | 'PUBLISHED' | 'HELD' | 'CANCELLED';
export type MinutesStatus = 'NONE' | 'DRAFT' | 'APPROVED';

/** A meeting as GraphQL shows it; built from the read model or, for `asOf`, from the decider's state. */
export interface MeetingView {
  id: string;
  kind: MeetingKind;
  title: string;
  /** ISO instants in UTC. */
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoLink: string | null;
  status: MeetingStatus;
  seriesId: string | null;
  seriesIndex: number | null;
  agendaPublishedAt: string | null;
  cancelledReason: string | null;
  minutesStatus: MinutesStatus;
  revision: number;
  /** Set when the meeting is answered from its events up to this instant (time travel). */
  asOf?: string | null;
}

export interface MeetingFilter {
  kind?: MeetingKind | null;
  status?: MeetingStatus | null;
  /** Inclusive lower bound of startsAt (ISO instant or date). */
  from?: string | null;
  /** Exclusive upper bound of startsAt (ISO instant or date). */
  to?: string | null;
  seriesId?: string | null;
}

const COLUMNS = `id, kind, title, starts_at AS startsAt, ends_at AS endsAt, location, video_link AS videoLink, status,
  series_id AS seriesId, series_index AS seriesIndex, agenda_published_at AS agendaPublishedAt,
  cancelled_reason AS cancelledReason, minutes_status AS minutesStatus, revision`;

/** A filter bound: an ISO 8601 instant with a zone, or a date (its midnight UTC). */
function bound(value: string, field: string): string {
  const at = parseIsoInstantOrDate(value);
  if (at === undefined) throw new InvalidInput('INVALID_DATE', `${field} is an ISO 8601 date, or a date and time with a zone, in the years 0100 to 9999`);
  return at.toISOString();
}

@Injectable()
export class MeetingsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(id: string): MeetingView | undefined {
    return prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${MEETINGS_TABLE} WHERE id = ?`).get(id) as MeetingView | undefined;
  }

  /** Ordered by start, then id; `after` is the previous page's last (startsAt, id). */
  page(options: { limit: number; after?: { startsAt: string; id: string }; filter?: MeetingFilter }): MeetingView[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit };
    const f = options.filter ?? {};
    if (f.kind) (where.push('kind = @kind'), (params.kind = f.kind));
    if (f.status) (where.push('status = @status'), (params.status = f.status));
    if (f.seriesId) (where.push('series_id = @seriesId'), (params.seriesId = f.seriesId));
    if (f.from) (where.push('starts_at >= @from'), (params.from = bound(f.from, 'from')));
    if (f.to) (where.push('starts_at < @to'), (params.to = bound(f.to, 'to')));
    if (options.after) {
      where.push('(starts_at, id) > (@afterStartsAt, @afterId)');
      params.afterStartsAt = options.after.startsAt;
      params.afterId = options.after.id;
    }
    const sql = `SELECT ${COLUMNS} FROM ${MEETINGS_TABLE} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY starts_at, id LIMIT @limit`;
    return prepared(this.readModels.db, sql).all(params) as MeetingView[];
  }

  /** The next meeting of this kind strictly after `after` that is not cancelled (earliest start, then id). */
  nextOfKind(kind: MeetingKind, after: string): MeetingView | undefined {
    return prepared(this.readModels.db,
        `SELECT ${COLUMNS} FROM ${MEETINGS_TABLE} WHERE kind = ? AND starts_at > ? AND status <> 'CANCELLED'
         ORDER BY starts_at, id LIMIT 1`,
      )
      .get(kind, new Date(after).toISOString()) as MeetingView | undefined;
  }
}
