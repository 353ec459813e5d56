import { Inject, Injectable } from '@nestjs/common';
import type { DecisionFacts, MeetingLookup, OtherMeeting } from '../application/ports';
import type { MeetingKind } from '../domain/meeting.events';
import { DecisionsQueries } from './decisions.queries';
import { MeetingsQueries, type MeetingView } from './meetings.queries';

const toOther = (m: MeetingView): OtherMeeting => ({ meetingId: m.id, kind: m.kind, startsAt: m.startsAt, status: m.status });

/** The MEETING_LOOKUP port answered from the meetings read models (see application/ports.ts). */
@Injectable()
export class ReadModelMeetingLookup implements MeetingLookup {
  constructor(
    @Inject(MeetingsQueries) private readonly meetings: MeetingsQueries,
    @Inject(DecisionsQueries) private readonly decisions: DecisionsQueries,
  ) {}

  meeting(meetingId: string): OtherMeeting | undefined {
    const m = this.meetings.byId(meetingId);
    return m && toOther(m);
  }

  nextMeetingOfBody(kind: MeetingKind, after: string): OtherMeeting | undefined {
    const m = this.meetings.nextOfKind(kind, after);
    return m && toOther(m);
  }

  decision(decisionId: string): DecisionFacts | undefined {
    const d = this.decisions.byId(decisionId);
    return d && { decisionId: d.id, meetingId: d.meetingId, supersedes: d.supersedes };
  }
}
