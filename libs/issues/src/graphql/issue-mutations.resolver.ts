import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CITABLE_MEASURES, IdempotentMutations, citedMeasureRefs, newId, type CitableMeasures, type Meta, withRevision } from '@kom/platform';
import { CloseIssueCommand } from '../application/close-issue.command';
import { CommentOnIssueCommand } from '../application/comment-on-issue.command';
import { EditIssueCommand } from '../application/edit-issue.command';
import { FlagResearchNeedCommand } from '../application/flag-research-need.command';
import { MarkIssueDuplicateCommand } from '../application/mark-issue-duplicate.command';
import { SubmitIssueCommand } from '../application/submit-issue.command';
import { WithdrawIssueCommand } from '../application/withdraw-issue.command';
import { IssueWorkflows } from '../application/issue-workflows';
import { IssuesQueries, type IssueView } from '../read-models/issues.queries';
import {
  CloseIssueInput,
  CommentOnIssueInput,
  EditIssueInput,
  FlagResearchNeedInput,
  ForwardIssueInput,
  MarkIssueDuplicateInput,
  PlaceIssueOnAgendaInput,
  ResolveIssueInput,
  SubmitIssueInput,
  WithdrawIssueInput,
} from './issue.inputs';
import { Issue } from './issue.types';

const orEmpty = <T>(list: T[] | null | undefined): T[] => list ?? [];

/**
 * Issue mutations: each takes one input and returns the issue as the read model shows it after
 * the change. Rules live in the issue decider; the roles here only keep out who may never do it.
 * The creating ones take an idempotencyKey: a retry with it answers as the first call did.
 */
@Resolver(() => Issue)
export class IssueMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(IssueWorkflows) private readonly workflows: IssueWorkflows,
    @Inject(IssuesQueries) private readonly queries: IssuesQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(CITABLE_MEASURES) private readonly measures: CitableMeasures,
  ) {}

  @Mutation(() => Issue, { description: 'Submits an issue on behalf of your own organisation (a reference-group member).' })
  async submitIssue(@Args('input') input: SubmitIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    const issueId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'submitIssue', key: input.idempotencyKey, input }, async (remember) => {
      const issueId = remember(newId());
      await this.commands.execute(
        new SubmitIssueCommand(
          {
            type: 'SubmitIssue',
            issueId,
            organizationId: input.organizationId,
            title: input.title,
            description: input.description,
            category: input.category,
            tags: orEmpty(input.tags),
            citedMeasures: citedMeasureRefs(input.citedMeasures, input.citedMeasureRefs) ?? [],
            citable: this.measures.citable(),
            urgencyReason: input.urgencyReason ?? null,
            citedIssueIds: orEmpty(input.citedIssueIds),
          },
          meta,
        ),
      );
      return issueId;
    });
    return this.mustFind(issueId);
  }

  @Mutation(() => Issue, { description: 'Edits your organisation’s issue until it is forwarded.' })
  async editIssue(@Args('input') input: EditIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    const { expectedRevision, issueId, tags, citedMeasures, citedMeasureRefs: refs, urgencyReason, ...content } = input;
    await this.commands.execute(
      new EditIssueCommand(
        { type: 'EditIssue', issueId, ...content, tags: orEmpty(tags), citedMeasures: citedMeasureRefs(citedMeasures, refs) ?? [], citable: this.measures.citable(), urgencyReason: urgencyReason ?? null },
        withRevision(meta, expectedRevision),
      ),
    );
    return this.mustFind(issueId);
  }

  @Mutation(() => Issue, { description: 'Withdraws your organisation’s issue, with a reason, until it is forwarded.' })
  async withdrawIssue(@Args('input') input: WithdrawIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.commands.execute(
      new WithdrawIssueCommand({ type: 'WithdrawIssue', issueId: input.issueId, reason: input.reason }, withRevision(meta, input.expectedRevision)),
    );
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: 'Comments on an open issue, for your organisation (a member of either group).' })
  async commentOnIssue(@Args('input') input: CommentOnIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.idempotency.run({ actor: meta.actor, operation: 'commentOnIssue', key: input.idempotencyKey, input }, async () => {
      await this.commands.execute(new CommentOnIssueCommand({ type: 'CommentOnIssue', issueId: input.issueId, commentId: newId(), text: input.text }, meta));
    });
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: "Places the issue on a meeting's agenda: adds an agenda item with the issue as its source." })
  async placeIssueOnAgenda(@Args('input') input: PlaceIssueOnAgendaInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.idempotency.run({ actor: meta.actor, operation: 'placeIssueOnAgenda', key: input.idempotencyKey, input }, () =>
      this.workflows.placeOnAgenda(input.issueId, input.meetingId, meta),
    );
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: "Records the reference group's decision to forward the issue to the project group (on its agenda item; the meeting is held)." })
  async forwardIssue(@Args('input') input: ForwardIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.idempotency.run({ actor: meta.actor, operation: 'forwardIssue', key: input.idempotencyKey, input }, () =>
      this.workflows.forward({ issueId: input.issueId, text: input.decision, rationale: input.rationale }, meta),
    );
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: "Records the project group's decision on the issue, and its action items: the issue is resolved." })
  async resolveIssue(@Args('input') input: ResolveIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.idempotency.run({ actor: meta.actor, operation: 'resolveIssue', key: input.idempotencyKey, input }, () =>
      this.workflows.resolve(
        {
          issueId: input.issueId,
          text: input.decision,
          rationale: input.rationale,
          ...(input.citedMeasures || input.citedMeasureRefs ? { citedMeasures: citedMeasureRefs(input.citedMeasures, input.citedMeasureRefs), citable: this.measures.citable() } : {}),
          actionItems: orEmpty(input.actionItems).map((item) => ({ ...item })),
        },
        meta,
      ),
    );
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: 'Closes an open issue with a reason.' })
  async closeIssue(@Args('input') input: CloseIssueInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.commands.execute(new CloseIssueCommand({ type: 'CloseIssue', issueId: input.issueId, reason: input.reason }, withRevision(meta, input.expectedRevision)));
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, {
    description: 'Marks an open issue a duplicate of another (secretariat): it is closed with the reason, pointing to the original, which lists it among its duplicates.',
  })
  async markIssueDuplicate(@Args('input') input: MarkIssueDuplicateInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.commands.execute(
      new MarkIssueDuplicateCommand(
        { type: 'MarkIssueDuplicate', issueId: input.issueId, duplicateOfIssueId: input.duplicateOfIssueId, reason: input.reason },
        withRevision(meta, input.expectedRevision),
      ),
    );
    return this.mustFind(input.issueId);
  }

  @Mutation(() => Issue, { description: 'Flags the issue as pointing to a research need, in a short text (the annual report lists them); a later flag replaces the text.' })
  async flagResearchNeed(@Args('input') input: FlagResearchNeedInput, @RequestMeta() meta: Meta): Promise<IssueView> {
    await this.commands.execute(new FlagResearchNeedCommand({ type: 'FlagResearchNeed', issueId: input.issueId, text: input.text }, withRevision(meta, input.expectedRevision)));
    return this.mustFind(input.issueId);
  }

  private mustFind(issueId: string): IssueView {
    const issue = this.queries.byId(issueId);
    if (!issue) throw new NotFound('issue', issueId);
    return issue;
  }
}
