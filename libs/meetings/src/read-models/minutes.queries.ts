import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import { MINUTES_TABLE } from './minutes.projection';

export interface MinutesView {
  meetingId: string;
  text: string;
  status: 'DRAFT' | 'APPROVED';
  approvedAtMeetingId: string | null;
}

@Injectable()
export class MinutesQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byMeeting(meetingId: string): MinutesView | undefined {
    return prepared(this.readModels.db,
        `SELECT meeting_id AS meetingId, text, status, approved_at_meeting_id AS approvedAtMeetingId FROM ${MINUTES_TABLE}
         WHERE meeting_id = ?`,
      )
      .get(meetingId) as MinutesView | undefined;
  }
}
