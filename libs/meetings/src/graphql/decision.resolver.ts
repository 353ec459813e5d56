import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { InvalidInput, parseIsoInstantOrDate } from '@kom/kernel';
import { Lang, cursorPart, decodeCursorPair, labelIn, pageSize, toConnection, CitedMeasureNumbersResolver } from '@kom/platform';
import { DecisionsQueries, type DecisionView, type PositionView } from '../read-models/decisions.queries';
import { MeetingsQueries, type MeetingView } from '../read-models/meetings.queries';
import { DECISION_STATUS_LABELS, POSITION_LABELS } from './meeting.enums';
import { Decision, DecisionConnection, DecisionPosition, DecisionsArgs, Meeting, type MeetingNode } from './meeting.types';

/**
 * A decision as a field resolver gets it; answered from a meeting's state (asOf) it brings its
 * positions and its meeting as of that instant.
 */
export type DecisionNode = DecisionView & { snapshotPositions?: PositionView[]; snapshotMeeting?: MeetingNode };

const cursorKey = (row: DecisionView) => JSON.stringify([row.recordedAt, row.id]);

/** An ISO 8601 instant from a filter, normalised to the stored form (UTC, milliseconds); a typed refusal otherwise. */
function instant(name: string, value: string | null | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const at = parseIsoInstantOrDate(value);
  if (at === undefined) throw new InvalidInput('INVALID_TIME', `${name} must be an ISO 8601 time (years 0100 to 9999)`, name);
  return at.toISOString();
}

/** Decisions are read by every authenticated role. */
@Resolver(() => Decision)
export class DecisionResolver extends CitedMeasureNumbersResolver(Decision) {
  constructor(
    @Inject(DecisionsQueries) private readonly queries: DecisionsQueries,
    @Inject(MeetingsQueries) private readonly meetings: MeetingsQueries,
  ) {
    super();
  }

  @Query(() => DecisionConnection, {
    description:
      'Decisions in the order recorded. Filter by measure cited, organisation (it recorded a position on the decision, ' +
      'or presents the agenda item it was taken on), body (meeting kind), status, meeting, words in its text or rationale, and when recorded (from inclusive, to exclusive).',
  })
  decisions(@Args() args: DecisionsArgs) {
    const size = pageSize(args.first);
    const after = decodeCursorPair(args.after, cursorPart.instant);
    const filter = args.filter ? { ...args.filter, from: instant('from', args.filter.from), to: instant('to', args.filter.to) } : undefined;
    if (filter?.from && filter.to && !(filter.from < filter.to)) throw new InvalidInput('INVALID_TIME_RANGE', 'from must be before to');
    if ((filter?.text?.length ?? 0) > 200) throw new InvalidInput('TEXT_TOO_LONG', 'text has at most 200 characters');
    const rows = this.queries.page({
      limit: size + 1,
      filter,
      after: after ? { recordedAt: after[0], id: after[1] } : undefined,
    });
    return toConnection(rows, size, cursorKey);
  }

  @Query(() => Decision, { nullable: true })
  decision(@Args('id', { type: () => ID }) id: string): DecisionView | undefined {
    return this.queries.byId(id);
  }

  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() decision: DecisionNode, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(DECISION_STATUS_LABELS[decision.status], lang);
  }

  @ResolveField(() => [DecisionPosition], { description: "Each organisation's position (the latest it recorded)." })
  positions(@Parent() decision: DecisionNode): readonly PositionView[] {
    return decision.snapshotPositions ?? this.queries.positions(decision.id);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'The meeting that took the decision (as it stood then, under asOf).' })
  meeting(@Parent() decision: DecisionNode): MeetingView | undefined {
    // Under a meeting answered asOf, the decision's meeting is that same meeting as of then.
    return decision.snapshotMeeting ?? this.meetings.byId(decision.meetingId);
  }
}

@Resolver(() => DecisionPosition)
export class DecisionPositionResolver {
  @ResolveField(() => String, { description: 'The position in Norwegian (NB, default) or English (EN).' })
  positionLabel(@Parent() position: PositionView, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(POSITION_LABELS[position.position], lang);
  }
}
