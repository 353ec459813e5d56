import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import { ATTENDANCE_TABLE } from './attendance.projection';

export interface AttendanceView {
  meetingId: string;
  organizationId: string;
}

@Injectable()
export class AttendanceQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** The attending organisations, by id. */
  byMeeting(meetingId: string): AttendanceView[] {
    return prepared(this.readModels.db,
        `SELECT meeting_id AS meetingId, organization_id AS organizationId FROM ${ATTENDANCE_TABLE}
         WHERE meeting_id = ? ORDER BY organization_id`,
      )
      .all(meetingId) as AttendanceView[];
  }
}
