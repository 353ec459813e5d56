import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Forbidden, InvalidInput, NotFound, canIdentifyRepresentatives, requireIsoInstant, type Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { Lang, ProjectionsService, committedEvents, decodeSeqCursor, labelIn, mapCommitted, pageSize, toConnection, CitedMeasureNumbersResolver } from '@kom/platform';
import { IssueHistory } from '../application/issue-history';
import { IssuesQueries, type IssueView } from '../read-models/issues.queries';
import { EXPLOITATION_FORM_LABELS, ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS } from './issue.enums';
import { IssuesArgs } from './issue.inputs';
import { Issue, IssueChange, IssueComment, IssueConnection, IssueLineage, IssueStatistics, IssueTimelineEntry } from './issue.types';

/** Events after which an issue's status may differ. */
const STATUS_EVENTS = new Set([
  'IssueSubmitted',
  'IssueWithdrawn',
  'IssuePlacedOnAgenda',
  'IssueRemovedFromAgenda',
  'IssueForwarded',
  'IssueResolved',
  'IssueClosed',
]);

/** A draft agenda, and so a draft item made from an issue, is the secretariat's only (as meeting.agenda). */
const seesDraftAgendas = (actor: Actor): boolean => actor.role === 'SECRETARIAT';

function parseInstant(value: string | null | undefined): Date | undefined {
  return value == null ? undefined : requireIsoInstant(value, 'asOf', 'INVALID_AS_OF');
}

/**
 * Reading issues. Every issue is a reference-group issue: NGO representatives, agency members, the
 * secretariat and auditors read them all, with their timeline and lineage.
 */
@Resolver(() => Issue)
export class IssueResolver extends CitedMeasureNumbersResolver(Issue) {
  constructor(
    @Inject(IssuesQueries) private readonly queries: IssuesQueries,
    @Inject(IssueHistory) private readonly history: IssueHistory,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {
    super();
  }

  @Query(() => IssueConnection, { description: 'Issues, newest first, filtered by status, submitting organisation, category, tag, measure or year.' })
  issues(@Args() args: IssuesArgs) {
    const size = pageSize(args.first);
    const afterSeq = decodeSeqCursor(args.after);
    const rows = this.queries.list(args.filter ?? {}, size + 1, afterSeq);
    return toConnection(rows, size, (row) => String(row.seq));
  }

  @Query(() => Issue, { nullable: true, description: 'One issue; with asOf, as it stood at that instant (its timeline and lineage too).' })
  async issue(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => String, nullable: true, description: 'ISO 8601 instant.' }) asOf?: string | null,
  ): Promise<IssueView | undefined> {
    const at = parseInstant(asOf);
    return at ? this.history.asOf(id, at) : this.queries.byId(id);
  }

  @Query(() => IssueStatistics, { description: "Counts and the median time to an outcome for the issues submitted in a year (measure 6's status report)." })
  issueStatistics(@Args('year', { type: () => Int }) year: number) {
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new InvalidInput('INVALID_YEAR', 'year is a calendar year');
    return this.queries.statistics(year);
  }

  @Subscription(() => Issue, {
    description: "An organisation's issues as the read model shows them after each change of status. NGO representatives subscribe for their own organisation only.",
    resolve(this: IssueResolver, event: { streamId: string }) {
      return this.queries.byId(event.streamId.slice('issue-'.length));
    },
  })
  issueStatusChanged(@Args('organizationId', { type: () => ID }) organizationId: string, @CurrentActor() actor: Actor) {
    if (actor.role === 'NGO_REPRESENTATIVE' && actor.organizationId !== organizationId) {
      throw new Forbidden('NOT_OWN_ORGANIZATION', "An NGO representative follows only their own organisation's issues");
    }
    return committedEvents(
      this.projections,
      (e) => e.streamId.startsWith('issue-') && STATUS_EVENTS.has(e.type) && this.queries.organizationOf(e.streamId.slice('issue-'.length)) === organizationId,
    );
  }

  @Subscription(() => IssueChange, {
    description:
      'Every step in the story of one issue as it happens: its own events (edits, comments, agenda placement, forwarding, outcome) and ' +
      "the meetings events about it (its agenda items, the decisions on them and each organisation's position, its action items). " +
      'NGO representatives follow their own organisation’s issues only.',
    resolve: (change: IssueChange) => change,
  })
  issueChanged(@Args('issueId', { type: () => ID }) issueId: string, @CurrentActor() actor: Actor): AsyncIterableIterator<IssueChange> {
    const submitter = this.queries.organizationOf(issueId);
    if (submitter === undefined) throw new NotFound('issue', issueId);
    if (actor.role === 'NGO_REPRESENTATIVE' && actor.organizationId !== submitter) {
      throw new Forbidden('NOT_OWN_ORGANIZATION', "An NGO representative follows only their own organisation's issues");
    }
    const events = committedEvents(this.projections, (e) => this.queries.issueConcernedBy(e) === issueId);
    return mapCommitted(events, (e) => ({
      issueId,
      event: e.type,
      position: String(e.position),
      at: ((e.metadata ?? {}) as { occurredAt?: string }).occurredAt ?? e.recordedAt,
      issue: this.queries.byId(issueId) ?? null,
    }));
  }

  @ResolveField(() => String)
  statusLabel(@Parent() issue: IssueView, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang): string {
    return labelIn(ISSUE_STATUS_LABELS[issue.status], lang ?? Lang.NB);
  }

  @ResolveField(() => String)
  categoryLabel(@Parent() issue: IssueView, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang): string {
    return labelIn(ISSUE_CATEGORY_LABELS[issue.category], lang ?? Lang.NB);
  }

  @ResolveField(() => [String])
  tagLabels(@Parent() issue: IssueView, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang): string[] {
    return issue.tags.map((tag) => labelIn(EXPLOITATION_FORM_LABELS[tag], lang ?? Lang.NB));
  }

  @ResolveField(() => [IssueComment])
  comments(@Parent() issue: IssueView) {
    return this.queries.comments(issue.id, issue.asOf);
  }

  @ResolveField(() => [IssueTimelineEntry], {
    description:
      'Every step, oldest first, with time, actor, organisation and role. actorUserId is null where you may not see ' +
      "that organisation's representatives.",
  })
  timeline(@Parent() issue: IssueView, @CurrentActor() reader: Actor): IssueTimelineEntry[] {
    return this.queries.timeline(issue.id, issue.asOf).map(({ userId, organizationId, role, ...rest }) => ({
      ...rest,
      actorUserId: organizationId && canIdentifyRepresentatives(reader, organizationId) ? userId : null,
      actorOrganizationId: organizationId,
      actorRole: role,
    }));
  }

  @ResolveField(() => Issue, { nullable: true, description: 'The issue this one duplicates; null unless it was marked a duplicate.' })
  async duplicateOf(@Parent() issue: IssueView): Promise<IssueView | undefined> {
    if (issue.duplicateOfIssueId === null) return undefined;
    return issue.asOf ? this.history.asOf(issue.duplicateOfIssueId, new Date(issue.asOf)) : this.queries.byId(issue.duplicateOfIssueId);
  }

  @ResolveField(() => [Issue], { description: 'The issues marked duplicates of this one, in the order submitted (now, also when read asOf).' })
  duplicates(@Parent() issue: IssueView): IssueView[] {
    return this.queries.duplicatesOf(issue.id);
  }

  @ResolveField(() => IssueLineage, {
    description:
      'Agenda items made from it, the decisions on them and the action items. An item on an agenda that is still a draft ' +
      '(or was removed from the draft) is listed to the secretariat only, as the draft agenda is; the issue’s meetingId and status already say where it is placed.',
  })
  lineage(@Parent() issue: IssueView, @CurrentActor() actor: Actor) {
    return this.queries.lineage(issue.id, issue.asOf, { drafts: seesDraftAgendas(actor) });
  }
}
