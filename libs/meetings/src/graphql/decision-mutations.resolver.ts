import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CITABLE_MEASURES, IdempotentMutations, citedMeasureRefs as measureRefsOf, newId, type CitableMeasures, type Meta } from '@kom/platform';
import { AssignActionItemCommand } from '../application/assign-action-item.command';
import { CancelActionItemCommand } from '../application/cancel-action-item.command';
import { CompleteActionItemCommand } from '../application/complete-action-item.command';
import { ReportActionItemProgressCommand } from '../application/report-action-item-progress.command';
import { RecordDecisionCommand } from '../application/record-decision.command';
import { RecordPositionCommand } from '../application/record-position.command';
import { RevokeDecisionCommand } from '../application/revoke-decision.command';
import { FlagDecisionResearchNeedCommand } from '../application/flag-decision-research-need.command';
import { SupersedeDecisionCommand } from '../application/supersede-decision.command';
import { ActionItemsQueries, type ActionItemView } from '../read-models/action-items.queries';
import { DecisionsQueries, type DecisionView } from '../read-models/decisions.queries';
import {
  AssignActionItemInput,
  CancelActionItemInput,
  CompleteActionItemInput,
  ReportActionItemProgressInput,
  RecordDecisionInput,
  RecordPositionInput,
  RevokeDecisionInput,
  FlagDecisionResearchNeedInput,
  SupersedeDecisionInput,
} from './meeting.inputs';
import { ActionItem, Decision } from './meeting.types';

/**
 * Decisions and action items, recorded by the secretariat; positions also by members for their
 * own organisation (the decider checks whose organisation and where: NOT_OWN_ORGANIZATION, and NGO
 * representatives only at reference-group and joint meetings). Each returns the decision or action
 * item as the read model shows it afterwards.
 */
@Resolver()
export class DecisionMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(DecisionsQueries) private readonly decisions: DecisionsQueries,
    @Inject(ActionItemsQueries) private readonly actionItems: ActionItemsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(CITABLE_MEASURES) private readonly measures: CitableMeasures,
  ) {}

  @Mutation(() => Decision, {
    description:
      'Records a decision on an agenda item of a held meeting, with the positions given. On an item made from an issue it is the ' +
      "body's decision on the issue and moves it on (forwarded, resolved) in the same write, or is refused with the issue's reason.",
  })
  async recordDecision(@Args('input') input: RecordDecisionInput, @RequestMeta() meta: Meta): Promise<DecisionView> {
    const { citedMeasures: _numbers, citedMeasureRefs, positions, idempotencyKey, ...command } = input;
    const citedMeasures = measureRefsOf(input.citedMeasures, citedMeasureRefs);
    const decisionId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'recordDecision', key: idempotencyKey, input }, async (remember) => {
      const decisionId = remember(newId());
      await this.commands.execute(
        new RecordDecisionCommand(
          {
            type: 'RecordDecision',
            decisionId,
            ...command,
            ...(citedMeasures == null ? {} : { citedMeasures, citable: this.measures.citable() }),
            ...(positions == null ? {} : { positions: positions.map((p) => ({ ...p })) }),
          },
          meta,
        ),
      );
      return decisionId;
    });
    return this.mustFindDecision(decisionId);
  }

  @Mutation(() => Decision, { description: "Records (or changes) an organisation's position on a decision." })
  async recordPosition(@Args('input') input: RecordPositionInput, @RequestMeta() meta: Meta): Promise<DecisionView> {
    const decision = this.mustFindDecision(input.decisionId);
    await this.commands.execute(new RecordPositionCommand({ type: 'RecordPosition', meetingId: decision.meetingId, ...input }, meta));
    return this.mustFindDecision(input.decisionId);
  }

  @Mutation(() => Decision, {
    description:
      'Marks a decision superseded by a decision recorded at a later meeting (of the same body, or joint) with ' +
      'supersedes = decisionId. recordDecision does this itself; this is for decisions recorded before it did, and the ' +
      'same pair again changes nothing. Returns the superseded decision.',
  })
  async supersedeDecision(@Args('input') input: SupersedeDecisionInput, @RequestMeta() meta: Meta): Promise<DecisionView> {
    const decision = this.mustFindDecision(input.decisionId);
    await this.commands.execute(new SupersedeDecisionCommand({ type: 'SupersedeDecision', meetingId: decision.meetingId, ...input }, meta));
    return this.mustFindDecision(input.decisionId);
  }

  @Mutation(() => Decision)
  async revokeDecision(@Args('input') input: RevokeDecisionInput, @RequestMeta() meta: Meta): Promise<DecisionView> {
    const decision = this.mustFindDecision(input.decisionId);
    await this.commands.execute(new RevokeDecisionCommand({ type: 'RevokeDecision', meetingId: decision.meetingId, ...input }, meta));
    return this.mustFindDecision(input.decisionId);
  }

  @Mutation(() => Decision, { description: 'Flags the decision as pointing to a research need, in a short text (the annual report lists them); a later flag replaces the text.' })
  async flagDecisionResearchNeed(@Args('input') input: FlagDecisionResearchNeedInput, @RequestMeta() meta: Meta): Promise<DecisionView> {
    const decision = this.mustFindDecision(input.decisionId);
    await this.commands.execute(new FlagDecisionResearchNeedCommand({ type: 'FlagDecisionResearchNeed', meetingId: decision.meetingId, ...input }, meta));
    return this.mustFindDecision(input.decisionId);
  }

  @Mutation(() => ActionItem)
  async assignActionItem(@Args('input') input: AssignActionItemInput, @RequestMeta() meta: Meta): Promise<ActionItemView> {
    const { idempotencyKey, ...command } = input;
    const actionItemId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'assignActionItem', key: idempotencyKey, input }, async (remember) => {
      const actionItemId = remember(newId());
      await this.commands.execute(new AssignActionItemCommand({ type: 'AssignActionItem', actionItemId, ...command }, meta));
      return actionItemId;
    });
    return this.mustFindActionItem(actionItemId);
  }

  @Mutation(() => ActionItem)
  async completeActionItem(@Args('input') input: CompleteActionItemInput, @RequestMeta() meta: Meta): Promise<ActionItemView> {
    const item = this.mustFindActionItem(input.actionItemId);
    await this.commands.execute(new CompleteActionItemCommand({ type: 'CompleteActionItem', meetingId: item.meetingId, ...input }, meta));
    return this.mustFindActionItem(input.actionItemId);
  }

  @Mutation(() => ActionItem, { description: "Notes how an open action item is going (the responsible organisation's members, or the secretariat)." })
  async reportActionItemProgress(@Args('input') input: ReportActionItemProgressInput, @RequestMeta() meta: Meta): Promise<ActionItemView> {
    const item = this.mustFindActionItem(input.actionItemId);
    await this.commands.execute(new ReportActionItemProgressCommand({ type: 'ReportActionItemProgress', meetingId: item.meetingId, ...input }, meta));
    return this.mustFindActionItem(input.actionItemId);
  }

  @Mutation(() => ActionItem)
  async cancelActionItem(@Args('input') input: CancelActionItemInput, @RequestMeta() meta: Meta): Promise<ActionItemView> {
    const item = this.mustFindActionItem(input.actionItemId);
    await this.commands.execute(new CancelActionItemCommand({ type: 'CancelActionItem', meetingId: item.meetingId, ...input }, meta));
    return this.mustFindActionItem(input.actionItemId);
  }

  private mustFindDecision(id: string): DecisionView {
    const row = this.decisions.byId(id);
    if (!row) throw new NotFound('decision', id);
    return row;
  }

  private mustFindActionItem(id: string): ActionItemView {
    const row = this.actionItems.byId(id);
    if (!row) throw new NotFound('action_item', id);
    return row;
  }
}
