import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecisionContext } from '@kom/kernel';
import { CommandPath, type AcrossStreamsOutcome, type CommandMeta, type DecisionsOf, type StreamToDecide } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';
import {
  POLICE_DISTRICTS_STREAM,
  policeDistrictsDecider,
  type OrganizationFacts,
  type PoliceDistrictsState,
} from '../domain/police-districts.decider';

export interface RegisterPoliceDistrictRequest {
  readonly organizationId: string;
  readonly from: string;
}

export interface MergePoliceDistrictsRequest {
  readonly intoOrganizationId: string;
  readonly mergedOrganizationIds: readonly string[];
  readonly on: string;
}

type Streams = Record<string, StreamToDecide<PoliceDistrictsState> | StreamToDecide<OrganizationState>>;

const factsOf = (state: OrganizationState): OrganizationFacts | null => (state.status === 'none' ? null : { name: state.name, roles: state.roles });

const registerStream = (): StreamToDecide<PoliceDistrictsState> => ({ streamId: POLICE_DISTRICTS_STREAM, decider: policeDistrictsDecider });
const organizationStreamToDecide = (id: string): StreamToDecide<OrganizationState> => ({ streamId: organizationStream(id), decider: organizationDecider });

/** The register reads the organisation's roles from its own stream; only the register is written. */
export function registerPoliceDistrict(
  states: Readonly<Record<string, unknown>>,
  request: RegisterPoliceDistrictRequest,
  context: DecisionContext,
): DecisionsOf<Streams> {
  const register = states.register as PoliceDistrictsState;
  const organization = states.organization as OrganizationState;
  const events = policeDistrictsDecider.decide(
    { type: 'RegisterPoliceDistrict', organizationId: request.organizationId, from: request.from, organization: factsOf(organization) },
    register,
    context,
  );
  return { register: { command: 'RegisterPoliceDistrict', events } };
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

export class RegisterPoliceDistrictCommand extends Command<AcrossStreamsOutcome<Streams>> {
  constructor(
    readonly payload: RegisterPoliceDistrictRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
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
@CommandHandler(RegisterPoliceDistrictCommand)
export class RegisterPoliceDistrictHandler implements ICommandHandler<RegisterPoliceDistrictCommand, AcrossStreamsOutcome<Streams>> {
  constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

  execute({ payload, meta }: RegisterPoliceDistrictCommand): Promise<AcrossStreamsOutcome<Streams>> {
    const streams: Streams = { register: registerStream(), organization: organizationStreamToDecide(payload.organizationId) };
    return this.path.executeAcrossStreams(streams, (states, context) => registerPoliceDistrict(states, payload, context), meta);
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
