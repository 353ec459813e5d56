import { Forbidden, InvalidInput, assertNever, nameKeyDigest, type Actor, type Decider } from '@kom/kernel';
import type { OrganizationNameEvent } from './organization-name.events';

/**
 * Names a person cannot tell apart are one name (@kom/kernel nameKey): one stream per key, whose
 * state says which organisation holds it. A claim is appended together with the organisation's own
 * event, at the revision it was decided on, so the key's stream serialises every organisation that
 * wants the name.
 */
export type OrganizationNameCommand =
  | {
      type: 'ClaimOrganizationName';
      organizationId: string;
      /** The name as it will be stored (cleaned by the organisation decider). */
      name: string;
      /**
       * Other organisations whose current name has this key in the register's read model: names
       * recorded before claims existed hold no claim, and are found there (the handler asks).
       */
      heldBy: readonly string[];
    }
  | { type: 'ReleaseOrganizationName'; organizationId: string; name: string };

export type OrganizationNameState = { status: 'none' } | { status: 'claimed' | 'released'; nameKey: string; organizationId: string };

export const initialState: OrganizationNameState = { status: 'none' };

export const organizationNameStream = (name: string) => `organization_name-${nameKeyDigest(name)}`;

export function evolve(state: OrganizationNameState, event: OrganizationNameEvent): OrganizationNameState {
  switch (event.type) {
    case 'OrganizationNameClaimed':
      return { status: 'claimed', nameKey: event.data.nameKey, organizationId: event.data.organizationId };
    case 'OrganizationNameReleased':
      return { status: 'released', nameKey: event.data.nameKey, organizationId: event.data.organizationId };
    default:
      return assertNever(event);
  }
}

export function decide(command: OrganizationNameCommand, state: OrganizationNameState, { actor }: { actor: Actor }): OrganizationNameEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the register of organisations');
  }
  const nameKey = nameKeyDigest(command.name);
  switch (command.type) {
    case 'ClaimOrganizationName': {
      const holder = state.status === 'claimed' && state.organizationId !== command.organizationId ? state.organizationId : command.heldBy.find((id) => id !== command.organizationId);
      if (holder !== undefined) {
        throw new InvalidInput(
          'ORGANIZATION_NAME_TAKEN',
          `Organisation ${holder} has a name that looks the same; choose a name people can tell apart`,
          'name',
        );
      }
      if (state.status === 'claimed') return [];
      return [{ type: 'OrganizationNameClaimed', data: { nameKey, organizationId: command.organizationId } }];
    }
    case 'ReleaseOrganizationName':
      if (state.status !== 'claimed' || state.organizationId !== command.organizationId) return [];
      return [{ type: 'OrganizationNameReleased', data: { nameKey, organizationId: command.organizationId } }];
    default:
      return assertNever(command);
  }
}

export const organizationNameDecider: Decider<OrganizationNameCommand, OrganizationNameEvent, OrganizationNameState> = { decide, evolve, initialState };
