import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import { cleanText } from '@kom/kernel';
import { requireCalendarDate } from './calendar-date';
import type { GroupEvent, GroupKind } from './group.events';
import type { OrganizationKind } from './organization.events';

/**
 * Who may be a member of which group.
 *  - The project group (prosjektgruppen) is the agencies, the higher prosecuting authority and the
 *    police (the plan, chapter 5): kinds AGENCY, POLICE, PROSECUTION.
 *  - The reference group (referansegruppen) is open to every organisation working against
 *    trafficking that wishes to take part: NGOs, but also public bodies and projects (the 2009 list
 *    holds an ombud, IOM, municipal services and the Bar Association). Ministries are not: they
 *    commission the plan and are not field actors.
 *  - The secretariat (SECRETARIAT, the Police Directorate) is KOM's administrative home: it runs
 *    both groups, keeps their membership and sees everything, but is a member of neither.
 */
export const ADMISSIBLE_KINDS: { readonly [group in GroupKind]: readonly OrganizationKind[] } = {
  PROJECT_GROUP: ['AGENCY', 'POLICE', 'PROSECUTION'],
  REFERENCE_GROUP: ['NGO', 'AGENCY', 'POLICE', 'PROSECUTION', 'OTHER'],
};

export type GroupCommand =
  | {
      type: 'AdmitToGroup';
      groupKind: GroupKind;
      organizationId: string;
      /** Looked up in the register by the handler; null when the organisation is not registered. */
      organizationKind: OrganizationKind | null;
      effectiveFrom: string;
    }
  | { type: 'LeaveGroup'; groupKind: GroupKind; organizationId: string; effectiveFrom: string; reason: string };

export interface GroupState {
  /** Current members and the first day of their current membership. */
  readonly members: { readonly [organizationId: string]: string };
  /** The day each former member left (last time), to keep periods from overlapping. */
  readonly leftOn: { readonly [organizationId: string]: string };
}

export const initialState: GroupState = { members: {}, leftOn: {} };

const MAX_REASON = 500;

export function evolve(state: GroupState, event: GroupEvent): GroupState {
  const { organizationId, effectiveFrom } = event.data;
  switch (event.type) {
    case 'OrganizationAdmittedToGroup':
      return { ...state, members: { ...state.members, [organizationId]: effectiveFrom } };
    case 'OrganizationLeftGroup': {
      const { [organizationId]: _left, ...members } = state.members;
      return { members, leftOn: { ...state.leftOn, [organizationId]: effectiveFrom } };
    }
    default:
      return assertNever(event);
  }
}

export function decide(command: GroupCommand, state: GroupState, { actor }: { actor: Actor }): GroupEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the membership of the groups');
  }
  const effectiveFrom = requireCalendarDate('effectiveFrom', command.effectiveFrom);
  const { groupKind, organizationId } = command;
  switch (command.type) {
    case 'AdmitToGroup': {
      if (command.organizationKind === null) throw new NotFound('organization', organizationId);
      if (!ADMISSIBLE_KINDS[groupKind].includes(command.organizationKind)) {
        throw new InvalidInput(
          'ORGANIZATION_KIND_NOT_ADMISSIBLE',
          `An organisation of kind ${command.organizationKind} cannot be a member of the ${groupKind}`,
        );
      }
      if (state.members[organizationId] !== undefined) {
        throw new InvalidState('ALREADY_A_MEMBER', `${organizationId} is already a member of the ${groupKind}`);
      }
      const leftOn = state.leftOn[organizationId];
      if (leftOn !== undefined && effectiveFrom < leftOn) {
        throw new InvalidInput('EFFECTIVE_DATE_BEFORE_LEAVING', `${organizationId} left the ${groupKind} on ${leftOn}; admit it from then on`);
      }
      return [
        {
          type: 'OrganizationAdmittedToGroup',
          data: { groupKind, organizationId, organizationKind: command.organizationKind, effectiveFrom },
        },
      ];
    }
    case 'LeaveGroup': {
      const since = state.members[organizationId];
      if (since === undefined) throw new InvalidState('NOT_A_MEMBER', `${organizationId} is not a member of the ${groupKind}`);
      if (effectiveFrom <= since) {
        throw new InvalidInput('EFFECTIVE_DATE_BEFORE_ADMISSION', `${organizationId} has been a member since ${since}; it can leave after that day`);
      }
      const reason = cleanText(command.reason, 'reason', 'one');
      if (reason === '') throw new InvalidInput('REASON_REQUIRED', 'Say why the organisation leaves the group');
      if (reason.length > MAX_REASON) throw new InvalidInput('REASON_TOO_LONG', `A reason has at most ${MAX_REASON} characters`);
      return [{ type: 'OrganizationLeftGroup', data: { groupKind, organizationId, effectiveFrom, reason } }];
    }
    default:
      return assertNever(command);
  }
}

export const groupDecider: Decider<GroupCommand, GroupEvent, GroupState> = { decide, evolve, initialState };

/** One stream per group: `group-PROJECT_GROUP`, `group-REFERENCE_GROUP`. */
export const groupStream = (groupKind: GroupKind) => `group-${groupKind}`;
