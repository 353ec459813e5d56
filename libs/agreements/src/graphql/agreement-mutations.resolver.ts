import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import {
  CLOCK,
  IdempotentMutations,
  newId,
  type Clock,
  type Meta,
  withRevision,
} from '@kom/platform';
import { AmendAgreementCommand } from '../application/amend-agreement.command';
import { DraftAgreementCommand } from '../application/draft-agreement.command';
import { ProposeAgreementForSignatureCommand } from '../application/propose-agreement-for-signature.command';
import { RenewAgreementCommand } from '../application/renew-agreement.command';
import { SignAgreementCommand } from '../application/sign-agreement.command';
import { TerminateAgreementCommand } from '../application/terminate-agreement.command';
import { visibleTo } from '../domain/agreement-visibility';
import { type Agreement as AgreementFacts } from '../domain/agreement.state';
import { AgreementsQueries } from '../read-models/agreements.queries';
import { ORGANIZATION_DIRECTORY, type OrganizationDirectory } from '../application/ports';
import {
  Agreement,
  AmendAgreementInput,
  DraftAgreementInput,
  ProposeAgreementForSignatureInput,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
} from './agreement.types';
import { agreementView } from './agreement.view';

/**
 * Agreement mutations: each takes one input and returns the agreement as the caller may now read it.
 * Resolvers translate and dispatch; the rules live in the decider.
 */
@Resolver(() => Agreement)
export class AgreementMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AgreementsQueries) private readonly queries: AgreementsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
  ) {}

  @Mutation(() => Agreement, { description: 'Draft an agreement (version 1). The police party or the secretariat.' })
  async draftAgreement(@Args('input') input: DraftAgreementInput, @RequestMeta() meta: Meta): Promise<Agreement> {
    const { citedDecisionIds, idempotencyKey, ...rest } = input;
    const agreementId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'draftAgreement', key: idempotencyKey, input }, async (remember) => {
      const agreementId = remember(newId());
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

  /** The police districts merged into the reader's organisation: it reads their agreements as a party. */
  private async actingFor(actor: Actor): Promise<readonly string[]> {
    return actor.organizationId ? this.organizations.placesHeldBy(actor.organizationId) : [];
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
