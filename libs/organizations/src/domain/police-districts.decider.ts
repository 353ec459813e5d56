import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import { requireCalendarDate } from './calendar-date';
import { dayBefore, holdsRoleOn, type RolePeriod } from './organization-roles';
import type { PoliceDistrictEvent } from './police-district.events';

/** What the register of organisations says about an organisation (null: not registered). */
export interface OrganizationFacts {
  readonly name: string;
  readonly roles: readonly Pick<RolePeriod, 'role' | 'from' | 'until'>[];
}

export type PoliceDistrictCommand =
  | { type: 'RegisterPoliceDistrict'; organizationId: string; from: string; organization: OrganizationFacts | null }
  | {
      type: 'MergePoliceDistricts';
      intoOrganizationId: string;
      mergedOrganizationIds: readonly string[];
      on: string;
      /** The register's facts about the successor and every merged district, by id. */
      organizations: Readonly<Record<string, OrganizationFacts | null>>;
    };

export interface PoliceDistrict {
  readonly organizationId: string;
  /** The first day it was a district. */
  readonly from: string;
  /** The district that holds its place since `mergedOn`; null while it is a district of its own. */
  readonly mergedInto: string | null;
  readonly mergedOn: string | null;
}

/** The register of police districts: one stream, `police-districts`. */
export interface PoliceDistrictsState {
  readonly districts: Readonly<Record<string, PoliceDistrict>>;
}

export const initialState: PoliceDistrictsState = { districts: {} };

const MAX_MERGED = 30;

export function evolve(state: PoliceDistrictsState, event: PoliceDistrictEvent): PoliceDistrictsState {
  switch (event.type) {
    case 'PoliceDistrictRegistered': {
      const { organizationId, from } = event.data;
      return { districts: { ...state.districts, [organizationId]: { organizationId, from, mergedInto: null, mergedOn: null } } };
    }
    case 'PoliceDistrictsMerged': {
      const { intoOrganizationId, mergedOrganizationIds, on } = event.data;
      const districts = { ...state.districts };
      for (const id of mergedOrganizationIds) {
        const district = districts[id];
        if (district) districts[id] = { ...district, mergedInto: intoOrganizationId, mergedOn: on };
      }
      districts[intoOrganizationId] ??= { organizationId: intoOrganizationId, from: on, mergedInto: null, mergedOn: null };
      return { districts };
    }
    default:
      return assertNever(event);
  }
}

export function decide(command: PoliceDistrictCommand, state: PoliceDistrictsState, { actor }: { actor: Actor }): PoliceDistrictEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the register of police districts');
  }
  switch (command.type) {
    case 'RegisterPoliceDistrict': {
      const from = requireCalendarDate('from', command.from);
      const organization = mustBeRegistered(command.organizationId, command.organization);
      if (!holdsRoleOn(organization.roles, 'POLICE', from)) {
        throw new InvalidInput('NOT_A_POLICE_ORGANIZATION', `${organization.name} does not hold the POLICE role on ${from}`);
      }
      if (state.districts[command.organizationId]) {
        throw new InvalidState('ALREADY_A_POLICE_DISTRICT', `${organization.name} is already in the register of police districts`);
      }
      return [{ type: 'PoliceDistrictRegistered', data: { organizationId: command.organizationId, from } }];
    }
    case 'MergePoliceDistricts': {
      const on = requireCalendarDate('on', command.on);
      const merged = command.mergedOrganizationIds;
      if (merged.length === 0) throw new InvalidInput('MERGED_DISTRICTS_REQUIRED', 'Name the districts that merge');
      if (merged.length > MAX_MERGED) throw new InvalidInput('TOO_MANY_DISTRICTS', `At most ${MAX_MERGED} districts merge at once`);
      if (new Set(merged).size !== merged.length) throw new InvalidInput('DUPLICATE_DISTRICT', 'A district is named twice');
      if (merged.includes(command.intoOrganizationId)) {
        throw new InvalidInput('MERGE_INTO_ITSELF', 'A district does not merge into itself: the successor is not among the merged districts');
      }
      const dayBeforeMerge = dayBefore(on);
      for (const id of merged) {
        const organization = mustBeRegistered(id, command.organizations[id] ?? null);
        if (!holdsRoleOn(organization.roles, 'POLICE', dayBeforeMerge)) {
          throw new InvalidInput('NOT_A_POLICE_ORGANIZATION', `${organization.name} does not hold the POLICE role on ${dayBeforeMerge}, the day before the merge`);
        }
        const district = state.districts[id];
        if (!district) throw new InvalidInput('NOT_A_POLICE_DISTRICT', `${organization.name} is not in the register of police districts`);
        if (district.mergedInto !== null) {
          throw new InvalidState('DISTRICT_ALREADY_MERGED', `${organization.name} merged into ${district.mergedInto} on ${district.mergedOn}`);
        }
        if (district.from >= on) throw new InvalidInput('MERGE_BEFORE_DISTRICT', `${organization.name} is a district from ${district.from}; it merges after that day`);
      }
      const into = mustBeRegistered(command.intoOrganizationId, command.organizations[command.intoOrganizationId] ?? null);
      if (!holdsRoleOn(into.roles, 'POLICE', on)) {
        throw new InvalidInput('NOT_A_POLICE_ORGANIZATION', `${into.name} does not hold the POLICE role on ${on}, the day of the merge`);
      }
      const successor = state.districts[command.intoOrganizationId];
      if (successor?.mergedInto) {
        throw new InvalidState('DISTRICT_ALREADY_MERGED', `${into.name} merged into ${successor.mergedInto} on ${successor.mergedOn}`);
      }
      return [{ type: 'PoliceDistrictsMerged', data: { intoOrganizationId: command.intoOrganizationId, mergedOrganizationIds: [...merged], on } }];
    }
    default:
      return assertNever(command);
  }
}

function mustBeRegistered(organizationId: string, facts: OrganizationFacts | null): OrganizationFacts {
  if (facts === null) throw new NotFound('organization', organizationId);
  return facts;
}

/**
 * The organisation that holds a district's place on a day: the district itself, or the end of its
 * chain of merges up to that day (Vestfold → Sør-Øst; a later merge of Sør-Øst would go on).
 */
export function holderOn(state: PoliceDistrictsState, organizationId: string, day: string): string {
  let current = organizationId;
  for (let guard = 0; guard < 100; guard++) {
    const district = state.districts[current];
    if (!district?.mergedInto || district.mergedOn === null || district.mergedOn > day) return current;
    current = district.mergedInto;
  }
  return current;
}

export const policeDistrictsDecider: Decider<PoliceDistrictCommand, PoliceDistrictEvent, PoliceDistrictsState> = { decide, evolve, initialState };

/** One register of police districts for the whole platform. */
export const POLICE_DISTRICTS_STREAM = 'police-districts';
