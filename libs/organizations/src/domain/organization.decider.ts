import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import type { OrganizationEvent, OrganizationKind } from './organization.events';

export type OrganizationCommand =
  | { type: 'RegisterOrganization'; organizationId: string; name: string; shortName?: string | null; kind: OrganizationKind }
  | { type: 'RenameOrganization'; organizationId: string; name: string; shortName?: string | null };

export type OrganizationState =
  | { status: 'none' }
  | { status: 'registered'; organizationId: string; name: string; shortName: string | null; kind: OrganizationKind };

export const initialState: OrganizationState = { status: 'none' };

const MAX_NAME = 200;
const MAX_SHORT_NAME = 40;

export function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered':
      return { status: 'registered', ...event.data };
    case 'OrganizationRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.name, shortName: event.data.shortName };
    default:
      return assertNever(event);
  }
}

export function decide(
  command: OrganizationCommand,
  state: OrganizationState,
  { actor }: { actor: Actor },
): OrganizationEvent[] {
  // The register of organisations is kept by KOM's secretariat (and seeded by the platform itself).
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the register of organisations');
  }
  const name = cleanName(command.name);
  const shortName = cleanShortName(command.shortName);
  switch (command.type) {
    case 'RegisterOrganization':
      if (state.status !== 'none') {
        throw new InvalidState('ORGANIZATION_ALREADY_REGISTERED', `Organisation ${command.organizationId} is already registered`);
      }
      return [
        {
          type: 'OrganizationRegistered',
          data: { organizationId: command.organizationId, name, shortName, kind: command.kind },
        },
      ];
    case 'RenameOrganization':
      if (state.status === 'none') throw new NotFound('organization', command.organizationId);
      if (state.name === name && state.shortName === shortName) return [];
      return [{ type: 'OrganizationRenamed', data: { organizationId: state.organizationId, name, shortName } }];
    default:
      return assertNever(command);
  }
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw new InvalidInput('NAME_REQUIRED', 'An organisation needs a name');
  if (name.length > MAX_NAME) throw new InvalidInput('NAME_TOO_LONG', `A name has at most ${MAX_NAME} characters`);
  return name;
}

function cleanShortName(raw: string | null | undefined): string | null {
  const shortName = raw?.trim() ?? '';
  if (shortName === '') return null;
  if (shortName.length > MAX_SHORT_NAME) {
    throw new InvalidInput('SHORT_NAME_TOO_LONG', `A short name has at most ${MAX_SHORT_NAME} characters`);
  }
  return shortName;
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  decide,
  evolve,
  initialState,
};

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
