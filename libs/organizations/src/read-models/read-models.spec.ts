import { SqlitePersonalDataKeys } from '@kom/platform';
import { ev, projectionSpec } from '@kom/projections/testing';
import { seal } from '../domain/personal-data';
import { groupMembershipProjection } from './group-membership.projection';
import { GroupMembershipQueries } from './group-membership.queries';
import { representativesProjection } from './representatives.projection';
import { RepresentativesQueries } from './representatives.queries';

describe('group membership read model', () => {
  const spec = projectionSpec([groupMembershipProjection]);
  const queries = new GroupMembershipQueries(spec.readModels);
  const group = 'REFERENCE_GROUP';
  const stream = `group-${group}`;
  afterAll(() => spec.close());

  it('answers who was a member on a day, across leaving and readmission', () => {
    spec.given([
      ev(stream, 'OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-a', organizationKind: 'NGO', effectiveFrom: '2009-01-01' }),
      ev(stream, 'OrganizationLeftGroup', { groupKind: group, organizationId: 'org-a', effectiveFrom: '2012-01-01', reason: 'Closed' }),
      ev(stream, 'OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-a', organizationKind: 'NGO', effectiveFrom: '2015-06-01' }),
      ev(stream, 'OrganizationAdmittedToGroup', { groupKind: group, organizationId: 'org-b', organizationKind: 'NGO', effectiveFrom: '2010-01-01' }),
    ]);
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
    spec.replayed();
    expect(queries.periodsOf('org-a')).toEqual([
      { groupKind: group, organizationId: 'org-a', from: '2009-01-01', to: '2012-01-01', leavingReason: 'Closed' },
      { groupKind: group, organizationId: 'org-a', from: '2015-06-01', to: null, leavingReason: null },
    ]);
  });
});

describe('representatives read model', () => {
  const spec = projectionSpec([representativesProjection]);
  const keys = SqlitePersonalDataKeys.open(':memory:');
  const queries = new RepresentativesQueries(spec.readModels, keys);
  const key = Buffer.alloc(32, 1);
  const sealed = (id: string) => seal({ name: 'Kari Nordmann', email: 'kari@rosa.example' }, id, key, Buffer.alloc(12, 2));
  const anyone = { revealRestricted: false };
  const auditor = { revealRestricted: true };
  /** Each representative its own stream, numbered as it goes. */
  const added = (id: string) => spec.given([ev(`representative-${id}`, 'RepresentativeAdded', { representativeId: id, organizationId: 'org-rosa', details: sealed(id) })]);
  const act = (type: string, id: string) =>
    spec.given([ev(`representative-${id}`, type, { representativeId: id, organizationId: 'org-rosa', legalBasis: 'GDPR art. 17' })]);
  afterAll(async () => {
    spec.close();
    await keys.close();
  });

  it('unseals the details with the key from the key table (never from the read model)', async () => {
    await keys.create('rep-1', key);
    added('rep-1');
    expect(await queries.byId('rep-1', anyone)).toMatchObject({ name: 'Kari Nordmann', email: 'kari@rosa.example', erased: false, restricted: false });
    expect(JSON.stringify(spec.db.prepare('SELECT * FROM representatives').all())).not.toContain(key.toString('base64'));
  });

  it('shows a representative whose key is gone as erased', async () => {
    added('rep-2');
    expect(await queries.byId('rep-2', anyone)).toMatchObject({ id: 'rep-2', organizationId: 'org-rosa', name: null, email: null, erased: true });
    expect((await queries.ofOrganization('org-rosa', anyone)).map((r) => [r.id, r.erased])).toEqual([
      ['rep-1', false],
      ['rep-2', true],
    ]);
  });

  it('hides restricted data from all but auditors, and erased data from everyone (even with the key still there)', async () => {
    await keys.create('rep-3', key);
    added('rep-3');
    act('PersonalDataRestricted', 'rep-3');
    expect(await queries.byId('rep-3', anyone)).toMatchObject({ name: null, email: null, restricted: true, erased: false });
    expect(await queries.byId('rep-3', auditor)).toMatchObject({ name: 'Kari Nordmann', restricted: true, erased: false });
    act('PersonalDataErased', 'rep-3');
    expect(await queries.byId('rep-3', auditor)).toMatchObject({ name: null, email: null, erased: true });
    expect(queries.erasedIds()).toEqual(['rep-3']);
  });

  it('marks a removed representative, which leaves the organisation', async () => {
    spec.given([ev('representative-rep-1', 'RepresentativeRemoved', { representativeId: 'rep-1', organizationId: 'org-rosa' })]);
    expect(await queries.byId('rep-1', anyone)).toMatchObject({ removed: true, name: 'Kari Nordmann' });
    expect((await queries.ofOrganization('org-rosa', anyone)).map((r) => r.id)).toEqual(['rep-2', 'rep-3']);
  });
});
