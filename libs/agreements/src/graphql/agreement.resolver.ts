import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Forbidden, NotFound, requireIsoInstant, type Actor } from '@kom/kernel';
import { CurrentActor } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import {
  CLOCK,
  Lang,
  ProjectionsService,
  committedEvents,
  cursorPart,
  decodeCursorPair,
  labelIn,
  loadStream,
  mapCommitted,
  pageSize,
  toConnection,
  type Clock,
} from '@kom/platform';
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
  ChangeKind,
} from './agreement.types';
import { agreementView } from './agreement.view';

/**
 * Cooperation agreements over GraphQL. Resolvers translate and dispatch; the rules live in the
 * decider. Reading is narrowed by `visibleTo` for lists, single reads, asOf and diffs alike: a draft
 * or a version still collecting signatures is seen only by the parties, the secretariat and auditors.
 */
@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(
    @Inject(AgreementsQueries) private readonly queries: AgreementsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
    const after = decodeCursorPair(args.after, cursorPart.instant);
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
      const at = requireIsoInstant(asOf, 'asOf', 'INVALID_AS_OF');
      const past = await loadStream(this.store, agreementDecider, agreementStream(id), { asOf: at });
      if (past.revision === undefined || past.state.kind === 'none') return undefined;
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
}
