import { SqlitePersonalDataKeys } from '@kom/platform';
import { ev, projectionSpec } from '@kom/projections/testing';
import { identityKeyOf } from '../domain/identity-link.decider';
import { seal, sealSubject } from '../domain/personal-data';
import { representativeIdentitiesProjection } from './representative-identities.projection';
import { RepresentativeIdentitiesQueries } from './representative-identities.queries';
import { representativesProjection } from './representatives.projection';

describe('representative identities read model', () => {
  const spec = projectionSpec([representativesProjection, representativeIdentitiesProjection]);
  const keys = SqlitePersonalDataKeys.open(':memory:');
  const queries = new RepresentativeIdentitiesQueries(spec.readModels, keys);
  const key = Buffer.alloc(32, 1);
  const iv = Buffer.alloc(12, 2);
  const rita = { userId: 'rita', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };
  const add = (id: string) =>
    spec.given([ev(`representative-${id}`, 'RepresentativeAdded', { representativeId: id, organizationId: 'org-rosa', details: seal({ name: 'Rita Rosa', email: 'rita@example.org' }, id, key, iv) })]);
  const link = (id: string, subject = 'rita') =>
    spec.given([
      ev(`identity-${identityKeyOf(subject)}`, 'RepresentativeIdentityLinked', {
        identityKey: identityKeyOf(subject),
        representativeId: id,
        organizationId: 'org-rosa',
        subject: sealSubject(subject, id, key, iv),
      }),
    ]);
  afterAll(async () => {
    spec.close();
    await keys.close();
  });

  it('answers who an identity is, for the token’s organisation only', async () => {
    await keys.create('rep-1', key);
    add('rep-1');
    link('rep-1');
    expect(queries.representativeOf(rita)).toEqual({ representativeId: 'rep-1', organizationId: 'org-rosa' });
    expect(queries.representativeOf({ ...rita, organizationId: 'org-noas' })).toBeUndefined();
    expect(queries.representativeOf({ ...rita, userId: 'someone' })).toBeUndefined();
    expect(await queries.ofRepresentative('rep-1')).toEqual([{ subject: 'rita', linkedAt: expect.any(String) }]);
    expect(JSON.stringify(spec.db.prepare('SELECT * FROM representative_identities').all())).not.toContain('"rita"');
  });

  it('moves the subject to the newest link, and drops it when unlinked', () => {
    add('rep-2');
    link('rep-2');
    expect(queries.representativeOf(rita)?.representativeId).toBe('rep-2');
    spec.given([ev(`identity-${identityKeyOf('rita')}`, 'RepresentativeIdentityUnlinked', { identityKey: identityKeyOf('rita'), representativeId: 'rep-2', organizationId: 'org-rosa' })]);
    expect(queries.representativeOf(rita)).toBeUndefined();
  });

  it('answers nobody for a removed representative, and forgets an erased one’s links outright', async () => {
    link('rep-1');
    spec.given([ev('representative-rep-1', 'RepresentativeRemoved', { representativeId: 'rep-1', organizationId: 'org-rosa' })]);
    expect(queries.representativeOf(rita)).toBeUndefined();
    expect(queries.isCurrent('rep-1')).toBe(false);
    spec.given([ev('representative-rep-1', 'PersonalDataErased', { representativeId: 'rep-1', organizationId: 'org-rosa', legalBasis: 'GDPR art. 17' })]);
    expect(await queries.ofRepresentative('rep-1')).toEqual([]);
    expect(spec.db.prepare('SELECT COUNT(*) AS n FROM representative_identities').get()).toEqual({ n: 0 });
  });

  it('stays the same when the events are applied again', () => {
    spec.replayed();
    expect(spec.db.prepare('SELECT COUNT(*) AS n FROM representative_identities').get()).toEqual({ n: 0 });
    expect(queries.isCurrent('rep-2')).toBe(true);
  });
});
