import type { StreamToDecide } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationState } from '../domain/organization.decider';
import { POLICE_DISTRICTS_STREAM, policeDistrictsDecider, type OrganizationFacts, type PoliceDistrictsState } from '../domain/police-districts.decider';

/** The streams a step on the register of police districts decides on: the register and organisations. */
export type Streams = Record<string, StreamToDecide<PoliceDistrictsState> | StreamToDecide<OrganizationState>>;

export const factsOf = (state: OrganizationState): OrganizationFacts | null => (state.status === 'none' ? null : { name: state.name, roles: state.roles });

export const registerStream = (): StreamToDecide<PoliceDistrictsState> => ({ streamId: POLICE_DISTRICTS_STREAM, decider: policeDistrictsDecider });
export const organizationStreamToDecide = (id: string): StreamToDecide<OrganizationState> => ({ streamId: organizationStream(id), decider: organizationDecider });
