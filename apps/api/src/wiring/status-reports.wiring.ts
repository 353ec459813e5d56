import type { DynamicModule } from '@nestjs/common';
import { DecisionsQueries, MeetingsQueries } from '@kom/meetings';
import { StatusReportsModule, type ApprovingDecision, type DecisionFacts } from '@kom/status-reports';
import { meetingsModule } from './meetings.wiring';

/** Decisions with the body of the meeting that took them, from the meetings read side. */
export class StatusReportDecisionFacts implements DecisionFacts {
  constructor(
    private readonly decisions: DecisionsQueries,
    private readonly meetings: MeetingsQueries,
  ) {}

  decision(decisionId: string): ApprovingDecision | undefined {
    const decision = this.decisions.byId(decisionId);
    const meeting = decision && this.meetings.byId(decision.meetingId);
    if (!decision || !meeting) return undefined;
    return { decisionId: decision.id, meetingId: meeting.id, body: meeting.kind as ApprovingDecision['body'], status: decision.status };
  }
}

export function statusReportsModule(): DynamicModule {
  return StatusReportsModule.forRoot({
    imports: [meetingsModule()],
    decisions: {
      inject: [DecisionsQueries, MeetingsQueries],
      useFactory: (decisions: DecisionsQueries, meetings: MeetingsQueries) => new StatusReportDecisionFacts(decisions, meetings),
    },
  });
}
