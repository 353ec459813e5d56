import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidInput, NotFound, type DomainEvent } from '@kom/kernel';
import { EVENT_STORE, type EventStore, type Position } from '@kom/event-store';
import {
  AddAgendaItemCommand,
  AssignActionItemCommand,
  RecordDecisionCommand,
  meetingDecider,
  meetingStream,
  type MeetingState,
} from '@kom/meetings';
import { CLOCK, awaitVisible, load, newId, type Clock, type CommandMeta, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import { issueDecider, issueStream, type Issue } from '../domain/issue.decider';
import { IssueReactors } from './issue-reactors.service';

export interface IssueDecisionRequest {
  readonly issueId: string;
  /** The body's decision, as recorded in the meeting. */
  readonly text: string;
  readonly rationale?: string | null;
  readonly citedMeasures?: readonly number[];
}

export interface IssueActionItemRequest {
  readonly description: string;
  readonly responsibleOrganizationId: string;
  readonly dueDate: string;
}

/**
 * The secretariat's steps that span an issue and a meeting. Each checks first that the issue can
 * take the step (the issue decider, on the current state, refuses with its reason), then does the
 * meeting's part through the meetings context's commands; the issues-from-meetings reactor then
 * moves the issue. Each resolves once that reactor has done so and the read models show it.
 *
 * - place: adds an agenda item with the issue as its source (title, description, measures and the
 *   submitting organisation as presenter, copied from the issue);
 * - forward / resolve: records the body's decision on the issue's agenda item (the meeting must be
 *   held), and for resolve also the action items, each tied to the decision.
 */
@Injectable()
export class IssueWorkflows {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IssueReactors) private readonly reactors: IssueReactors,
  ) {}

  async placeOnAgenda(issueId: string, meetingId: string, meta: CommandMeta): Promise<void> {
    const issue = await this.issue(issueId);
    const meeting = await this.meeting(meetingId);
    const agendaItemId = newId();
    this.check({ type: 'PlaceIssueOnAgenda', issueId, meetingId, agendaItemId, body: meeting.kind }, issue, meta);
    const outcome: CommandOutcome<DomainEvent, unknown> = await this.commands.execute(
      new AddAgendaItemCommand(
        {
          type: 'AddAgendaItem',
          meetingId,
          itemId: agendaItemId,
          title: issue.title,
          description: issue.description,
          presentingOrganizationId: issue.organizationId,
          citedMeasures: issue.citedMeasures,
          sourceIssueId: issueId,
        },
        meta,
      ),
    );
    await this.settle(meetingStream(meetingId), outcome.position);
  }

  async forward(request: IssueDecisionRequest, meta: CommandMeta): Promise<void> {
    const issue = await this.issue(request.issueId);
    const placement = this.onAgenda(issue);
    const decisionId = newId();
    this.check({ type: 'ForwardIssue', issueId: issue.issueId, ...placement, decisionId }, issue, meta);
    await this.settle(meetingStream(placement.meetingId), await this.recordDecision(request, placement, decisionId, meta));
  }

  async resolve(request: IssueDecisionRequest & { actionItems?: readonly IssueActionItemRequest[] }, meta: CommandMeta): Promise<void> {
    const issue = await this.issue(request.issueId);
    const placement = this.onAgenda(issue);
    const decisionId = newId();
    this.check({ type: 'ResolveIssue', issueId: issue.issueId, ...placement, decisionId }, issue, meta);
    let position = await this.recordDecision(request, placement, decisionId, meta);
    for (const item of request.actionItems ?? []) {
      const outcome = await this.commands.execute(
        new AssignActionItemCommand(
          {
            type: 'AssignActionItem',
            meetingId: placement.meetingId,
            actionItemId: newId(),
            decisionId,
            agendaItemId: placement.agendaItemId,
            description: item.description,
            responsibleOrganizationId: item.responsibleOrganizationId,
            dueDate: item.dueDate,
          },
          meta,
        ),
      );
      position = outcome.position ?? position;
    }
    await this.settle(meetingStream(placement.meetingId), position);
  }

  private async recordDecision(
    request: IssueDecisionRequest,
    placement: { meetingId: string; agendaItemId: string },
    decisionId: string,
    meta: CommandMeta,
  ): Promise<Position | undefined> {
    const outcome = await this.commands.execute(
      new RecordDecisionCommand(
        {
          type: 'RecordDecision',
          meetingId: placement.meetingId,
          decisionId,
          agendaItemId: placement.agendaItemId,
          text: request.text,
          rationale: request.rationale ?? null,
          ...(request.citedMeasures ? { citedMeasures: request.citedMeasures } : {}),
        },
        meta,
      ),
    );
    return outcome.position;
  }

  /** The issue decider's refusal, before anything is written in the meeting. */
  private check(command: IssueCommand, issue: Issue, meta: CommandMeta): void {
    issueDecider.decide(command, issue, { now: this.clock.now(), actor: meta.actor });
  }

  /**
   * The agenda item the body decides on: the one the issue is on now. When it is on none, the
   * decider's check refuses the step before the placement is used (ISSUE_NOT_ON_AGENDA, ...).
   */
  private onAgenda(issue: Issue): { meetingId: string; agendaItemId: string } {
    return { meetingId: issue.onAgenda?.meetingId ?? '', agendaItemId: issue.onAgenda?.agendaItemId ?? '' };
  }

  private async issue(issueId: string): Promise<Issue> {
    const { state } = await load(this.store, issueDecider, issueStream(issueId));
    if (state.status === 'none') throw new NotFound('issue', issueId);
    return state;
  }

  private async meeting(meetingId: string): Promise<Exclude<MeetingState, { status: 'none' }>> {
    if (!meetingId) throw new InvalidInput('INVALID_ID', 'meetingId is required');
    const { state } = await load(this.store, meetingDecider, meetingStream(meetingId));
    if (state.status === 'none') throw new NotFound('meeting', meetingId);
    return state;
  }

  /** Recorded in the meeting: from here on the answer says so, even when the issue's move is not visible yet. */
  private async settle(streamId: string, position: Position | undefined): Promise<void> {
    if (position === undefined) return;
    await awaitVisible({ streamId, position }, this.reactors.waitFor(position), () => this.reactors.lagging(position));
  }
}
