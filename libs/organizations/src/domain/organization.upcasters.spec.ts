import { Upcasters, fold } from '@kom/kernel';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';
import { rolesOn } from './organization-roles';
import { organizationUpcasters } from './organization.upcasters';

/** A log written before organisations had dates and roles: version 1 events as they are stored. */
const oldLog = [
  {
    type: 'OrganizationRegistered',
    metadata: { occurredAt: '2024-12-31T23:30:00.000Z', schemaVersion: 1 },
    data: { organizationId: 'org-politiet', name: 'Politiet', shortName: null, kind: 'POLICE' },
  },
  { type: 'OrganizationRenamed', metadata: { occurredAt: '2025-06-01T10:00:00.000Z' }, data: { organizationId: 'org-politiet', name: 'Politiet i Norge', shortName: null } },
];

describe('organisations recorded before roles and dates (version 1)', () => {
  const upcasters = new Upcasters(organizationUpcasters);
  const read = oldLog.map((e) => ({ type: e.type, data: upcasters.upcast(e.type, e.metadata, e.data)?.data ?? e.data }) as OrganizationEvent);

  it('read as registered, and renamed, on the day each was recorded in Norway', () => {
    expect(read[0]!.data).toEqual({ organizationId: 'org-politiet', name: 'Politiet', shortName: null, kind: 'POLICE', from: '2025-01-01' });
    expect(read[1]!.data).toEqual({ organizationId: 'org-politiet', name: 'Politiet i Norge', shortName: null, from: '2025-06-01' });
  });

  it('hold the role their kind implies from the day they were registered', () => {
    const state = fold(organizationDecider, read);
    expect(state.status === 'registered' && rolesOn(state.roles, '2025-01-01')).toEqual(['POLICE']);
    expect(state.status === 'registered' && rolesOn(state.roles, '2024-12-31')).toEqual([]);
    expect(state.status === 'registered' && state.names.map((n) => [n.from, n.name])).toEqual([
      ['2025-01-01', 'Politiet'],
      ['2025-06-01', 'Politiet i Norge'],
    ]);
  });

  it('leaves version 2 events as they are', () => {
    const v2 = { organizationId: 'o', name: 'N', shortName: null, kind: 'NGO', from: '2001-01-01' };
    expect(upcasters.upcast('OrganizationRegistered', { schemaVersion: 2, occurredAt: '2026-01-01T00:00:00Z' }, v2)).toBeUndefined();
  });
});
