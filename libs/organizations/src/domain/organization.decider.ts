import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, cleanText, osloDate, type Actor, type Decider } from '@kom/kernel';
import { requireCalendarDate } from './calendar-date';
import { rolePeriodOfKind, type OrganizationRole, type RolePeriod } from './organization-roles';
import type { OrganizationEvent, OrganizationKind } from './organization.events';

export type OrganizationCommand =
  | {
      type: 'RegisterOrganization';
      organizationId: string;
      name: string;
      shortName?: string | null;
      kind: OrganizationKind;
      /** The first day of the organisation in the register's history; default: today. */
      from?: string | null;
    }
  | {
      type: 'RenameOrganization';
      organizationId: string;
      name: string;
      shortName?: string | null;
      /** The first day of the new name; default: today. */
      from?: string | null;
    }
  | { type: 'GrantOrganizationRole'; organizationId: string; role: OrganizationRole; from: string }
  | { type: 'EndOrganizationRole'; organizationId: string; role: OrganizationRole; until: string; reason: string };

/** A name and the first day it held. */
export interface NamePeriod {
  readonly from: string;
  readonly name: string;
  readonly shortName: string | null;
}

export type OrganizationState =
  | { status: 'none' }
  | {
      status: 'registered';
      organizationId: string;
      name: string;
      shortName: string | null;
      kind: OrganizationKind;
      /** The first day of the organisation in the register's history. */
      from: string;
      /** Every name, oldest first. */
      names: readonly NamePeriod[];
      /** Every period of every role, in the order granted. */
      roles: readonly RolePeriod[];
    };

export const initialState: OrganizationState = { status: 'none' };

const MAX_NAME = 200;
const MAX_SHORT_NAME = 40;
const MAX_REASON = 500;

export function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered': {
      const { organizationId, name, shortName, kind, from } = event.data;
      return { status: 'registered', organizationId, name, shortName, kind, from, names: [{ from, name, shortName }], roles: rolePeriodOfKind(kind, from) };
    }
    case 'OrganizationRenamed': {
      if (state.status === 'none') return state;
      const { name, shortName, from } = event.data;
      // A second name on the same day replaces that day's name.
      const earlier = state.names.filter((n) => n.from < from);
      return { ...state, name, shortName, names: [...earlier, { from, name, shortName }] };
    }
    case 'OrganizationRoleGranted':
      if (state.status === 'none') return state;
      return { ...state, roles: [...state.roles, { role: event.data.role, from: event.data.from, until: null, endReason: null }] };
    case 'OrganizationRoleEnded': {
      if (state.status === 'none') return state;
      const { role, until, reason } = event.data;
      return { ...state, roles: state.roles.map((p) => (p.role === role && p.until === null ? { ...p, until, endReason: reason } : p)) };
    }
    default:
      return assertNever(event);
  }
}

export function decide(command: OrganizationCommand, state: OrganizationState, { actor, now }: { actor: Actor; now: Date }): OrganizationEvent[] {
  // The register of organisations is kept by KOM's secretariat (and seeded by the platform itself).
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the register of organisations');
  }
  const today = osloDate(now);
  switch (command.type) {
    case 'RegisterOrganization': {
      const name = cleanName(command.name);
      const shortName = cleanShortName(command.shortName);
      const from = command.from ? requireCalendarDate('from', command.from) : today;
      if (state.status !== 'none') {
        throw new InvalidState('ORGANIZATION_ALREADY_REGISTERED', `Organisation ${command.organizationId} is already registered`);
      }
      if (from > today) throw new InvalidInput('DATE_IN_FUTURE', 'An organisation is registered from today or an earlier day');
      return [{ type: 'OrganizationRegistered', data: { organizationId: command.organizationId, name, shortName, kind: command.kind, from } }];
    }
    case 'RenameOrganization': {
      const name = cleanName(command.name);
      const shortName = cleanShortName(command.shortName);
      const from = command.from ? requireCalendarDate('from', command.from) : today;
      if (state.status === 'none') throw new NotFound('organization', command.organizationId);
      if (state.name === name && state.shortName === shortName) return [];
      const latest = state.names[state.names.length - 1]!.from;
      if (from > today) throw new InvalidInput('DATE_IN_FUTURE', 'A new name takes effect today or on an earlier day');
      if (from < latest) throw new InvalidInput('RENAME_BEFORE_CURRENT_NAME', `A new name takes effect on or after ${latest}, the first day of the current name`);
      return [{ type: 'OrganizationRenamed', data: { organizationId: state.organizationId, name, shortName, from } }];
    }
    case 'GrantOrganizationRole': {
      if (state.status === 'none') throw new NotFound('organization', command.organizationId);
      const from = requireCalendarDate('from', command.from);
      if (from < state.from) {
        throw new InvalidInput('ROLE_BEFORE_REGISTRATION', `${state.name} is in the register from ${state.from}; a role starts then or later`);
      }
      // A role is granted open-ended: it may not overlap a period still open or ending after `from`.
      const overlapping = state.roles.find((p) => p.role === command.role && (p.until === null || p.until > from));
      if (overlapping) {
        throw new InvalidState('ROLE_ALREADY_HELD', `${state.name} holds the role ${command.role} from ${overlapping.from}${overlapping.until ? ` until ${overlapping.until}` : ''}`);
      }
      return [{ type: 'OrganizationRoleGranted', data: { organizationId: state.organizationId, role: command.role, from } }];
    }
    case 'EndOrganizationRole': {
      if (state.status === 'none') throw new NotFound('organization', command.organizationId);
      const until = requireCalendarDate('until', command.until);
      const reason = cleanText(command.reason, 'reason', 'one');
      if (reason === '') throw new InvalidInput('REASON_REQUIRED', 'Say why the role ends');
      if (reason.length > MAX_REASON) throw new InvalidInput('REASON_TOO_LONG', `A reason has at most ${MAX_REASON} characters`);
      const open = state.roles.find((p) => p.role === command.role && p.until === null);
      if (!open) throw new InvalidState('ROLE_NOT_HELD', `${state.name} does not hold the role ${command.role}`);
      if (until <= open.from) throw new InvalidInput('ROLE_END_NOT_AFTER_START', `The role was held from ${open.from}; it ends after that day`);
      return [{ type: 'OrganizationRoleEnded', data: { organizationId: state.organizationId, role: command.role, until, reason } }];
    }
    default:
      return assertNever(command);
  }
}

/** The name as the register stores it (the platform's text policy, one line); refused as the decider refuses it. */
export function cleanName(raw: string): string {
  const name = cleanText(raw, 'name', 'one');
  if (name === '') throw new InvalidInput('NAME_REQUIRED', 'An organisation needs a name', 'name');
  if (name.length > MAX_NAME) throw new InvalidInput('NAME_TOO_LONG', `A name has at most ${MAX_NAME} characters`, 'name');
  return name;
}

function cleanShortName(raw: string | null | undefined): string | null {
  const shortName = cleanText(raw ?? '', 'shortName', 'one');
  if (shortName === '') return null;
  if (shortName.length > MAX_SHORT_NAME) {
    throw new InvalidInput('SHORT_NAME_TOO_LONG', `A short name has at most ${MAX_SHORT_NAME} characters`, 'shortName');
  }
  return shortName;
}

/** The name an organisation had on a calendar day; undefined before it was in the register. */
export function nameOn(names: readonly NamePeriod[], day: string): NamePeriod | undefined {
  return [...names].reverse().find((n) => n.from <= day);
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  decide,
  evolve,
  initialState,
};

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
