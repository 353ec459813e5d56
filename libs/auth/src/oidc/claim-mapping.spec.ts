import { InvalidTokenError } from '../tokens/claims';
import { claimMapper } from './claim-mapping';
import { ClaimPathSyntaxError, parseClaimPath, readClaim } from './claim-path';

describe('claim paths', () => {
  it('reads nested claims, array indices and quoted names', () => {
    expect(parseClaimPath('authorization_details[0].reportees[0].ID')).toEqual(['authorization_details', 0, 'reportees', 0, 'ID']);
    expect(parseClaimPath('["https://kom.example/claims"].org')).toEqual(['https://kom.example/claims', 'org']);
    expect(readClaim({ consumer: { ID: '0192:974760746' } }, parseClaimPath('consumer.ID'))).toBe('0192:974760746');
    expect(readClaim({ a: [] }, parseClaimPath('a[0].b'))).toBeUndefined();
  });

  it('never follows prototypes', () => {
    expect(readClaim({}, parseClaimPath('constructor'))).toBeUndefined();
    expect(readClaim(JSON.parse('{"__proto__": {"x": "y"}}'), ['__proto__', 'x'])).toBe('y'); // own property only
    expect(readClaim({}, ['__proto__'])).toBeUndefined();
  });

  it.each(['', 'a..b', 'a[x]', '[0]', 'a.', 'a b'])('refuses the path %j', (path) => {
    expect(() => parseClaimPath(path)).toThrow(ClaimPathSyntaxError);
  });
});

describe('claims → actor', () => {
  it('maps Ansattporten: an employee acting for an organisation (reportee), the role from the Altinn resource', () => {
    const toActor = claimMapper({
      user: 'sub',
      organization: 'authorization_details[0].reportees[0].ID',
      role: 'authorization_details[0].resource',
      roleMap: { 'urn:altinn:resource:kom-ngo': 'NGO_REPRESENTATIVE', 'urn:altinn:resource:kom-agency': 'AGENCY_MEMBER' },
      organizationMap: { '0192:974760746': 'org-pod', '0192:974760673': 'org-udi' },
    });
    const payload = {
      sub: 'pairwise-8f2c',
      authorization_details: [
        {
          type: 'ansattporten:altinn:resource',
          resource: 'urn:altinn:resource:kom-agency',
          reportees: [{ Rights: ['read'], Authority: 'iso6523-actorid-upis', ID: '0192:974760673', Name: 'UTLENDINGSDIREKTORATET' }],
        },
      ],
    };
    expect(toActor(payload)).toEqual({ userId: 'pairwise-8f2c', organizationId: 'org-udi', role: 'AGENCY_MEMBER' });
  });

  it('maps Maskinporten: a system acting for an organisation, role from its scope', () => {
    const toActor = claimMapper({
      user: 'client_id',
      organization: 'consumer.ID',
      role: 'scope',
      roleMap: { 'kom:agency': 'AGENCY_MEMBER', 'kom:audit': 'AUDITOR' },
      organizationMap: { '0192:974760673': 'org-udi' },
    });
    const payload = { client_id: 'a1b2c3', scope: 'openid kom:agency', consumer: { authority: 'iso6523-actorid-upis', ID: '0192:974760673' } };
    expect(toActor(payload)).toEqual({ userId: 'a1b2c3', organizationId: 'org-udi', role: 'AGENCY_MEMBER' });
  });

  it('maps Entra ID: group object ids to roles, the organisation from a custom claim', () => {
    const toActor = claimMapper({
      user: 'oid',
      organization: 'extension_komOrg',
      role: 'groups',
      roleMap: { '2f5d1c9e-0000-4000-8000-000000000001': 'AUDITOR' },
    });
    const payload = { oid: 'u-1', extension_komOrg: 'org-riksrevisjonen', groups: ['2f5d1c9e-0000-4000-8000-000000000001', 'unrelated'] };
    expect(toActor(payload)).toEqual({ userId: 'u-1', organizationId: 'org-riksrevisjonen', role: 'AUDITOR' });
  });

  it('takes the role name as it is without a role map, and only a platform role', () => {
    const toActor = claimMapper({ user: 'sub', organization: 'kom_org', role: 'kom_role' });
    expect(toActor({ sub: 's', kom_org: 'org-pod', kom_role: 'SECRETARIAT' }).role).toBe('SECRETARIAT');
    expect(() => toActor({ sub: 's', kom_org: 'org-pod', kom_role: 'ADMIN' })).toThrow(InvalidTokenError);
  });

  it('denies by default: missing user, unknown organisation, no role, or two roles', () => {
    const toActor = claimMapper({
      user: 'sub',
      organization: 'org',
      role: 'groups',
      roleMap: { a: 'SECRETARIAT', b: 'AUDITOR' },
      organizationMap: { '0192:1': 'org-pod' },
    });
    expect(() => toActor({ org: '0192:1', groups: ['a'] })).toThrow(/no sub claim/);
    expect(() => toActor({ sub: 's', org: '0192:2', groups: ['a'] })).toThrow(/organisation/);
    expect(() => toActor({ sub: 's', org: '0192:1', groups: ['c'] })).toThrow(/no platform role/);
    expect(() => toActor({ sub: 's', org: '0192:1', groups: ['a', 'b'] })).toThrow(/more than one platform role/);
    expect(() => toActor({ sub: 's', org: '0192:1', groups: 'a' })).not.toThrow();
  });

  it('refuses a role map that names something other than a platform role', () => {
    expect(() => claimMapper({ user: 'sub', organization: 'o', role: 'r', roleMap: { x: 'ADMIN' } })).toThrow(/not a platform role/);
  });
});
