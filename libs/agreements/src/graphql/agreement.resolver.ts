import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Forbidden, InvalidInput, NotFound, type Actor } from '@kom/kernel';
import { CurrentActor, RequestMeta } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import {
  CLOCK,
  IdempotentMutations,
  Lang,
  ProjectionsService,
  committedEvents,
  decodeCursorPair,
  labelIn,
  loadAsOf,
  mapCommitted,
  newId,
  pageSize,
  toConnection,
  type Clock,
  type CommandMeta,
} from '@kom/platform';
import {
  AmendAgreementCommand,
  DraftAgreementCommand,
  ProposeAgreementForSignatureCommand,
  RenewAgreementCommand,
  SignAgreementCommand,
  TerminateAgreementCommand,
} from '../application/agreement.commands';
import { agreementVersionDiff } from '../domain/agreement-diff';
import { agreementDecider, agreementStream } from '../domain/agreement.decider';
import { isPartyMember, visibleTo } from '../domain/agreement-visibility';
import { requireCalendarDate } from '../domain/calendar-date';
import { versionNumbered, type Agreement as AgreementFacts } from '../domain/agreement.state';
import { AgreementsQueries } from '../read-models/agreements.queries';
import { ORGANIZATION_DIRECTORY, type OrganizationDirectory } from '../application/ports';
import {
  AGREEMENT_STATUS_LABELS,
  Agreement,
  AgreementPartyHolder,
  AgreementConnection,
  AgreementsArgs,
  AgreementVersionDiff,
  AmendAgreementInput,
  ChangeKind,
  DraftAgreementInput,
  ProposeAgreementForSignatureInput,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
} from './agreement.types';
import { agreementView } from './agreement.view';

type Meta = { actor: Actor; correlationId: string };

const ALL_READERS = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR'] as const;
const WRITERS = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE'] as const;

const withRevision = (meta: Meta, expectedRevision: number | null | undefined): CommandMeta => ({
  ...meta,
  expectedRevision: expectedRevision == null ? undefined : BigInt(expectedRevision),
});

/**
 * Cooperation agreements over GraphQL. Resolvers translate and dispatch; the rules live in the
 * decider. Reading is narrowed by `visibleTo` for lists, single reads, asOf and diffs alike: a draft
 * or a version still collecting signatures is seen only by the parties, the secretariat and auditors.
 */
@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AgreementsQueries) private readonly queries: AgreementsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
  ) {}

  /** The police districts merged into the reader's organisation: it reads their agreements as a party. */
  private async actingFor(actor: Actor): Promise<readonly string[]> {
    return actor.organizationId ? this.organizations.placesHeldBy(actor.organizationId) : [];
  }

  @Subscription(() => Agreement, {
    description:
      'One agreement as you may read it, pushed after each change: drafted, amended, proposed for signature, each signature, renewal, ' +
      'notice of termination. Its status (in force, expired) is as of the push; an expiry is a date, not an event, and is not pushed. ' +
      'NGO representatives follow the agreements their organisation is party to; others what they may read of it (drafts: parties only).',
    resolve: (agreement: Agreement) => agreement,
  })
  async agreementChanged(@Args('agreementId', { type: () => ID }) agreementId: string, @CurrentActor() actor: Actor): Promise<AsyncIterableIterator<Agreement>> {
    const actingFor = await this.actingFor(actor);
    const row = this.queries.byId(agreementId);
    if (!row || !visibleTo(row.agreement, actor, actingFor)) throw new NotFound('agreement', agreementId);
    if (actor.role === 'NGO_REPRESENTATIVE' && !isPartyMember(row.agreement, actor, actingFor)) {
      throw new Forbidden('NOT_A_PARTY', 'An NGO representative follows the agreements their organisation is party to');
    }
    const stream = agreementStream(agreementId);
    return mapCommitted(
      committedEvents(this.projections, (e) => e.streamId === stream),
      () => this.current(agreementId, actor, actingFor),
    );
  }

  @Query(() => AgreementConnection, { description: 'Agreements you may read, in the order they were drafted; status is as of today.' })
  async agreements(@Args() args: AgreementsArgs, @CurrentActor() actor: Actor) {
    const actingFor = await this.actingFor(actor);
    const size = pageSize(args.first);
    const after = decodeCursorPair(args.after);
    const filter = args.filter ?? {};
    const expiringBefore = filter.expiringBefore ? requireCalendarDate('expiringBefore', filter.expiringBefore) : undefined;
    const now = this.clock.now();
    const page: Array<Agreement & { draftedAt: string }> = [];
    for (const row of this.queries.scan({
      after: after ? { draftedAt: after[0], id: after[1] } : undefined,
      // A merged police district's agreements are its successor's too: the successor holds its place.
      partyIds: filter.partyId ? [filter.partyId, ...(await this.organizations.placesHeldBy(filter.partyId))] : undefined,
      decisionId: filter.citingDecisionId ?? undefined,
    })) {
      const visible = visibleTo(row.agreement, actor, actingFor);
      if (!visible) continue;
      const view = agreementView(visible, row.revision, now);
      if (filter.status && view.status !== filter.status) continue;
      if (expiringBefore && (view.expiresOn === null || view.expiresOn >= expiringBefore)) continue;
      page.push({ ...view, draftedAt: row.draftedAt });
      if (page.length > size) break;
    }
    return toConnection(page, size, (a) => JSON.stringify([a.draftedAt, a.id]));
  }

  @Query(() => Agreement, {
    nullable: true,
    description: 'An agreement now, or as it stood at `asOf` (ISO 8601; its events up to then, its status at that instant). Null when unknown or not visible to you.',
  })
  async agreement(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf: string | null | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Agreement | undefined> {
    if (asOf) {
      const at = new Date(asOf);
      if (Number.isNaN(at.getTime())) throw new InvalidInput('INVALID_AS_OF', 'asOf must be an ISO 8601 instant');
      const past = await loadAsOf(this.store, agreementDecider, agreementStream(id), at);
      if (!past || past.state.kind === 'none') return undefined;
      const visible = visibleTo(past.state, actor, await this.actingFor(actor));
      return visible && agreementView(visible, Number(past.revision), at);
    }
    return this.current(id, actor, await this.actingFor(actor));
  }

  @Query(() => AgreementVersionDiff, { description: 'Two versions compared clause by clause (per language), party by party, date by date.' })
  async agreementVersionDiff(
    @Args('id', { type: () => ID }) id: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
    @CurrentActor() actor: Actor,
  ): Promise<AgreementVersionDiff> {
    const row = this.queries.byId(id);
    const visible = row && visibleTo(row.agreement, actor, await this.actingFor(actor));
    if (!visible) throw new NotFound('agreement', id);
    const version = (n: number) => {
      const found = versionNumbered(visible, n);
      if (!found) throw new NotFound('agreement_version', `${id}#${n}`);
      return found;
    };
    const diff = agreementVersionDiff(version(fromVersion), version(toVersion));
    return {
      ...diff,
      agreementId: id,
      clauses: diff.clauses.map((c) => ({ ...c, change: ChangeKind[c.change] })),
      parties: diff.parties.map((p) => ({ ...p, change: ChangeKind[p.change] })),
      citedDecisions: { added: [...diff.citedDecisions.added], removed: [...diff.citedDecisions.removed] },
    };
  }

  @Mutation(() => Agreement, { description: 'Draft an agreement (version 1). The police party or the secretariat.' })
  async draftAgreement(@Args('input') input: DraftAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { citedDecisionIds, idempotencyKey, ...rest } = input;
    const agreementId = await this.idempotency.run({ actor: meta.actor, operation: 'draftAgreement', key: idempotencyKey, input }, async () => {
      const agreementId = newId();
      await this.commands.execute(
        new DraftAgreementCommand({ type: 'DraftAgreement', agreementId, ...rest, citedDecisionIds: citedDecisionIds ?? [] }, meta),
      );
      return agreementId;
    });
    return this.mustFind(agreementId, meta.actor);
  }

  @Mutation(() => Agreement, { description: 'A new version with changed content. The police party or the secretariat.' })
  async amendAgreement(@Args('input') input: AmendAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { expectedRevision, agreementId, title, purpose, parties, clauses, effectiveFrom, expiresOn, citedDecisionIds } = input;
    await this.commands.execute(
      new AmendAgreementCommand(
        {
          type: 'AmendAgreement',
          agreementId,
          title: title ?? undefined,
          purpose: purpose ?? undefined,
          parties: parties ?? undefined,
          clauses: clauses ?? undefined,
          effectiveFrom: effectiveFrom ?? undefined,
          // Left out: keep; explicit null: no expiry date.
          expiresOn,
          citedDecisionIds: citedDecisionIds ?? undefined,
        },
        withRevision(meta, expectedRevision),
      ),
    );
    return this.mustFind(agreementId, meta.actor);
  }

  @Mutation(() => Agreement, { description: 'Propose the current version for signature. The police party or the secretariat.' })
  async proposeAgreementForSignature(@Args('input') input: ProposeAgreementForSignatureInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { agreementId, version, expectedRevision } = input;
    await this.commands.execute(
      new ProposeAgreementForSignatureCommand({ type: 'ProposeAgreementForSignature', agreementId, version }, withRevision(meta, expectedRevision)),
    );
    return this.mustFind(agreementId, meta.actor);
  }

  @Mutation(() => Agreement, { description: "Sign the proposed version for your organisation. A representative of a party." })
  async signAgreement(@Args('input') input: SignAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { agreementId, version, expectedRevision } = input;
    await this.commands.execute(new SignAgreementCommand({ type: 'SignAgreement', agreementId, version }, withRevision(meta, expectedRevision)));
    return this.mustFind(agreementId, meta.actor);
  }

  @Mutation(() => Agreement, { description: 'A new version with a later expiry date, proposed for every signature again.' })
  async renewAgreement(@Args('input') input: RenewAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { agreementId, expiresOn, expectedRevision } = input;
    await this.commands.execute(new RenewAgreementCommand({ type: 'RenewAgreement', agreementId, expiresOn }, withRevision(meta, expectedRevision)));
    return this.mustFind(agreementId, meta.actor);
  }

  @Mutation(() => Agreement, { description: 'Give notice of termination for your organisation, with a reason and an effective date. Any party.' })
  async terminateAgreement(@Args('input') input: TerminateAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { agreementId, reason, effectiveOn, expectedRevision } = input;
    await this.commands.execute(
      new TerminateAgreementCommand({ type: 'TerminateAgreement', agreementId, reason, effectiveOn }, withRevision(meta, expectedRevision)),
    );
    return this.mustFind(agreementId, meta.actor);
  }

  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() agreement: Agreement, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(AGREEMENT_STATUS_LABELS[agreement.status], lang);
  }

  @ResolveField(() => AgreementPartyHolder, {
    nullable: true,
    description:
      'When the police party of the current version has merged into another police district since: that successor, which holds the agreement now ' +
      '(its people amend, renew, sign and terminate for it). Null while the police party holds its own place.',
  })
  policeSuccessor(@Parent() agreement: Agreement): AgreementPartyHolder | null {
    const police = agreement.parties.find((p) => p.police);
    return (police && this.organizations.holderOf(police.organizationId)) ?? null;
  }

  private current(id: string, actor: Actor, actingFor: readonly string[]): Agreement | undefined {
    const row = this.queries.byId(id);
    const visible: AgreementFacts | undefined = row && visibleTo(row.agreement, actor, actingFor);
    return visible && agreementView(visible, row!.revision, this.clock.now());
  }

  private async mustFind(id: string, actor: Actor): Promise<Agreement> {
    const found = this.current(id, actor, await this.actingFor(actor));
    if (!found) throw new NotFound('agreement', id);
    return found;
  }
}
