import type { RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
import { SqlitePersonalDataKeys } from '@kom/platform';
import { seal } from '../domain/personal-data';
import { groupMembershipProjection } from './group-membership.projection';
import { GroupMembershipQueries } from './group-membership.queries';
import { representativesProjection } from './representatives.projection';
import { RepresentativesQueries } from './representatives.queries';

let position = 0n;
function recorded(type: string, data: unknown, revision: number): RecordedEvent {
  position += 1n;
  return {
    id: `e-${position}`,
    type,
    streamId: 's',
    revision: BigInt(revision),
    position,
    data,
    metadata: { occurredAt: '2026-03-02T09:00:00.000Z' },
    recordedAt: '2026-03-02T09:00:00.000Z',
  };
}

describe('group membership read model', () => {
  const readModels = ReadModelDatabase.open(':memory:');
  groupMembershipProjection.setup(readModels.db);
  const queries = new GroupMembershipQueries(readModels);
  const group = 'REFERENCE_GROUP';
  const events = [
    recorded('OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-a', organizationKind: 'NGO', effectiveFrom: '2009-01-01' }, 0),
    recorded('OrganizationLeftGroup', { groupKind: group, organizationId: 'org-a', effectiveFrom: '2012-01-01', reason: 'Closed' }, 1),
    recorded('OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-a', organizationKind: 'NGO', effectiveFrom: '2015-06-01' }, 2),
    recorded('OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-b', organizationKind: 'NGO', effectiveFrom: '2010-01-01' }, 3),
  ];
  afterAll(() => readModels.close());

  it('answers who was a member on a day, across leaving and readmission', () => {
    for (const event of events) groupMembershipProjection.apply(readModels.db, event);
    expect(queries.membersOn(group, '2008-12-31')).toEqual([]);
    expect(queries.membersOn(group, '2009-01-01')).toEqual(['org-a']);
    expect(queries.membersOn(group, '2011-12-31')).toEqual(['org-a', 'org-b']);
    expect(queries.membersOn(group, '2012-01-01')).toEqual(['org-b']);
    expect(queries.membersOn(group, '2015-06-01')).toEqual(['org-a', 'org-b']);
    expect(queries.isMemberOn(group, 'org-a', '2013-01-01')).toBe(false);
    expect(queries.isMemberOn(group, 'org-a', '2020-01-01')).toBe(true);
    expect(queries.membersOn('PROJECT_GROUP', '2020-01-01')).toEqual([]);
    expect(() => queries.membersOn(group, 'yesterday')).toThrow();
  });

  it('stays the same when events are applied again (a leaving never closes a later period)', () => {
    for (const event of events) groupMembershipProjection.apply(readModels.db, event);
    expect(queries.periodsOf('org-a')).toEqual([
      { groupKind: group, organizationId: 'org-a', from: '2009-01-01', to: '2012-01-01', leavingReason: 'Closed' },
      { groupKind: group, organizationId: 'org-a', from: '2015-06-01', to: null, leavingReason: null },
    ]);
  });
});

describe('representatives read model', () => {
  const readModels = ReadModelDatabase.open(':memory:');
  representativesProjection.setup(readModels.db);
  const keys = SqlitePersonalDataKeys.open(':memory:');
  const queries = new RepresentativesQueries(readModels, keys);
  const key = Buffer.alloc(32, 1);
  const sealed = (id: string) => seal({ name: 'Kari Nordmann', email: 'kari@rosa.example' }, id, key, Buffer.alloc(12, 2));
  const anyone = { revealRestricted: false };
  const auditor = { revealRestricted: true };
  const act = (type: string, id: string, revision: number) =>
    representativesProjection.apply(readModels.db, recorded(type, { representativeId: id, organizationId: 'org-rosa', legalBasis: 'GDPR art. 17' }, revision));
  afterAll(async () => {
    readModels.close();
    await keys.close();
  });

  it('unseals the details with the key from the key table (never from the read model)', async () => {
    await keys.create('rep-1', key);
    representativesProjection.apply(readModels.db, recorded('RepresentativeAdded', { representativeId: 'rep-1', organizationId: 'org-rosa', details: sealed('rep-1') }, 0));
    expect(await queries.byId('rep-1', anyone)).toMatchObject({ name: 'Kari Nordmann', email: 'kari@rosa.example', erased: false, restricted: false });
    expect(JSON.stringify(readModels.db.prepare('SELECT * FROM representatives').all())).not.toContain(key.toString('base64'));
  });

  it('shows a representative whose key is gone as erased', async () => {
    representativesProjection.apply(readModels.db, recorded('RepresentativeAdded', { representativeId: 'rep-2', organizationId: 'org-rosa', details: sealed('rep-2') }, 0));
    expect(await queries.byId('rep-2', anyone)).toMatchObject({ id: 'rep-2', organizationId: 'org-rosa', name: null, email: null, erased: true });
    expect((await queries.ofOrganization('org-rosa', anyone)).map((r) => [r.id, r.erased])).toEqual([
      ['rep-1', false],
      ['rep-2', true],
    ]);
  });

  it('hides restricted data from all but auditors, and erased data from everyone (even with the key still there)', async () => {
    await keys.create('rep-3', key);
    representativesProjection.apply(readModels.db, recorded('RepresentativeAdded', { representativeId: 'rep-3', organizationId: 'org-rosa', details: sealed('rep-3') }, 0));
    act('PersonalDataRestricted', 'rep-3', 1);
    expect(await queries.byId('rep-3', anyone)).toMatchObject({ name: null, email: null, restricted: true, erased: false });
    expect(await queries.byId('rep-3', auditor)).toMatchObject({ name: 'Kari Nordmann', restricted: true, erased: false });
    act('PersonalDataErased', 'rep-3', 2);
    expect(await queries.byId('rep-3', auditor)).toMatchObject({ name: null, email: null, erased: true });
    expect(queries.erasedIds()).toEqual(['rep-3']);
  });

  it('marks a removed representative, which leaves the organisation', async () => {
    representativesProjection.apply(readModels.db, recorded('RepresentativeRemoved', { representativeId: 'rep-1', organizationId: 'org-rosa' }, 1));
    expect(await queries.byId('rep-1', anyone)).toMatchObject({ removed: true, name: 'Kari Nordmann' });
    expect((await queries.ofOrganization('org-rosa', anyone)).map((r) => r.id)).toEqual(['rep-2', 'rep-3']);
  });
});
