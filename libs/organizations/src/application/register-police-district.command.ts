import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecisionContext } from '@kom/kernel';
import { CommandPath, type AcrossStreamsOutcome, type CommandMeta, type DecisionsOf } from '@kom/platform';
import type { OrganizationState } from '../domain/organization.decider';
import { policeDistrictsDecider, type PoliceDistrictsState } from '../domain/police-districts.decider';
import { factsOf, organizationStreamToDecide, registerStream, type Streams } from './police-district-streams';

export interface RegisterPoliceDistrictRequest {
  readonly organizationId: string;
  readonly from: string;
}

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

export class RegisterPoliceDistrictCommand extends Command<AcrossStreamsOutcome<Streams>> {
  constructor(
    readonly payload: RegisterPoliceDistrictRequest,
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
