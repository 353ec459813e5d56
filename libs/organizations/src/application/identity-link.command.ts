import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@kom/kernel';
import { CommandPath, KomCommand, PERSONAL_DATA_KEYS, refusePersonalDataInCommand, type AcrossStreamsOutcome, type CommandMeta, type PersonalDataKeys } from '@kom/platform';
import { identityLinkDecider, identityStream, type IdentityLinkCommand } from '../domain/identity-link.decider';
import type { IdentityLinkEvent } from '../domain/identity-link.events';
import { IV_BYTES } from '../domain/personal-data';
import { representativeDecider, representativeStream } from '../domain/representative.decider';
import { RepresentativeIdentitiesQueries } from '../read-models/representative-identities.queries';

type Link = Extract<IdentityLinkCommand, { type: 'LinkRepresentativeIdentity' }>;
type Unlink = Extract<IdentityLinkCommand, { type: 'UnlinkRepresentativeIdentity' }>;

type LinkStreams = {
  identity: { streamId: string; decider: typeof identityLinkDecider };
  representative: { streamId: string; decider: typeof representativeDecider };
};

export class LinkRepresentativeIdentityCommand extends Command<AcrossStreamsOutcome<LinkStreams>> {
  constructor(
    readonly payload: Pick<Link, 'type' | 'subject' | 'representativeId' | 'organizationId'>,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
export class UnlinkRepresentativeIdentityCommand extends KomCommand<Unlink, IdentityLinkEvent, unknown> {}

/**
 * Reads the representative's stream and the identity's stream in one step and appends to the
 * identity's stream at the revision it read: of two links of one subject racing, one wins and the
 * other is decided again on the winner's link (and refused). The subject is sealed under the
 * representative's data key, so it needs that key from the key table.
 */
@CommandHandler(LinkRepresentativeIdentityCommand)
export class LinkRepresentativeIdentityHandler implements ICommandHandler<LinkRepresentativeIdentityCommand, AcrossStreamsOutcome<LinkStreams>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
    @Inject(RepresentativeIdentitiesQueries) private readonly identities: RepresentativeIdentitiesQueries,
  ) {}

  async execute({ payload, meta }: LinkRepresentativeIdentityCommand): Promise<AcrossStreamsOutcome<LinkStreams>> {
    // The subject is sealed in the event, out of reach of the guard on events: it is checked here.
    refusePersonalDataInCommand(payload, meta);
    const key = await this.keys.get(payload.representativeId);
    const iv = randomBytes(IV_BYTES).toString('base64');
    const streams: LinkStreams = {
      identity: { streamId: identityStream(payload.subject.trim()), decider: identityLinkDecider },
      representative: { streamId: representativeStream(payload.representativeId), decider: representativeDecider },
    };
    return this.path.executeAcrossStreams(
      streams,
      (states, context) => {
        // No key: never added, or erased (the decider says which, from the representative's stream).
        if (key === undefined && states.representative.status !== 'none' && !states.representative.erased) {
          throw new NotFound('representative', payload.representativeId);
        }
        const holder = states.identity;
        const command: Link = {
          ...payload,
          representative: states.representative,
          holderCurrent: holder.status === 'linked' ? this.identities.isCurrent(holder.representativeId) : true,
          dataKey: (key ?? Buffer.alloc(32)).toString('base64'),
          iv,
        };
        return { identity: { command: 'LinkRepresentativeIdentity', events: identityLinkDecider.decide(command, states.identity, context) } };
      },
      meta,
    );
  }
}

@CommandHandler(UnlinkRepresentativeIdentityCommand)
export class UnlinkRepresentativeIdentityHandler implements ICommandHandler<UnlinkRepresentativeIdentityCommand> {
  constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

  execute({ payload, meta }: UnlinkRepresentativeIdentityCommand) {
    return this.path.execute(identityLinkDecider, identityStream(payload.subject.trim()), payload, meta);
  }
}
