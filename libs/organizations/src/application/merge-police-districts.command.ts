import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecisionContext } from '@kom/kernel';
import { CommandPath, type AcrossStreamsOutcome, type CommandMeta, type DecisionsOf } from '@kom/platform';
import { organizationDecider, type OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';
import { policeDistrictsDecider, type PoliceDistrictsState } from '../domain/police-districts.decider';
import { factsOf, organizationStreamToDecide, registerStream, type Streams } from './police-district-streams';

export interface MergePoliceDistrictsRequest {
  readonly intoOrganizationId: string;
  readonly mergedOrganizationIds: readonly string[];
  readonly on: string;
}

/**
 * A merge, decided on the register and every organisation it names, written in one atomic append:
 * `PoliceDistrictsMerged` to the register and, to each merged district's own stream, the end of its
 * POLICE role on the day of the merge (so the organisation's own record says it too).
 */
export function mergePoliceDistricts(
  states: Readonly<Record<string, unknown>>,
  request: MergePoliceDistrictsRequest,
  context: DecisionContext,
): DecisionsOf<Streams> {
  const register = states.register as PoliceDistrictsState;
  const orgState = (id: string) => (states[`organization:${id}`] as OrganizationState | undefined) ?? { status: 'none' as const };
  const ids = [request.intoOrganizationId, ...request.mergedOrganizationIds];
  const organizations = Object.fromEntries(ids.map((id) => [id, factsOf(orgState(id))]));
  const merged = policeDistrictsDecider.decide(
    { type: 'MergePoliceDistricts', intoOrganizationId: request.intoOrganizationId, mergedOrganizationIds: request.mergedOrganizationIds, on: request.on, organizations },
    register,
    context,
  );
  const decisions: Record<string, { command: string; events: readonly OrganizationEvent[] | typeof merged }> = {
    register: { command: 'MergePoliceDistricts', events: merged },
  };
  const into = orgState(request.intoOrganizationId);
  const intoName = into.status === 'none' ? request.intoOrganizationId : into.name;
  for (const id of request.mergedOrganizationIds) {
    const ended = organizationDecider.decide(
      { type: 'EndOrganizationRole', organizationId: id, role: 'POLICE', until: request.on, reason: `Slått sammen med ${intoName} (${request.intoOrganizationId})` },
      orgState(id),
      context,
    );
    decisions[`organization:${id}`] = { command: 'EndOrganizationRole', events: ended };
  }
  return decisions;
}

export class MergePoliceDistrictsCommand extends Command<AcrossStreamsOutcome<Streams>> {
  constructor(
    readonly payload: MergePoliceDistrictsRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(MergePoliceDistrictsCommand)
export class MergePoliceDistrictsHandler implements ICommandHandler<MergePoliceDistrictsCommand, AcrossStreamsOutcome<Streams>> {
  constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

  execute({ payload, meta }: MergePoliceDistrictsCommand): Promise<AcrossStreamsOutcome<Streams>> {
    const ids = [...new Set([payload.intoOrganizationId, ...payload.mergedOrganizationIds])].slice(0, 31);
    const streams: Streams = { register: registerStream() };
    for (const id of ids) streams[`organization:${id}`] = organizationStreamToDecide(id);
    return this.path.executeAcrossStreams(streams, (states, context) => mergePoliceDistricts(states, payload, context), meta);
  }
}
