import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { AgreementsSeeder, SEED_AGREEMENT_ID, SEED_NATIONAL_AGREEMENT_ID } from '@kom/agreements';
import { OrganizationsSeeder } from '@kom/organizations';
import { TestApp } from '../support/test-app';

const ORGANIZATION = `query($id: ID!, $asOf: String) {
  organization(id: $id) { id name kind roles(asOf: $asOf) police: hasRole(role: POLICE, asOf: $asOf) nameAsOf(asOf: $asOf)
    roleHistory { role from until endReason } policeDistrict { from mergedOn mergedIntoId heldBy { id } } }
}`;
const DISTRICTS = `query($asOf: String) { policeDistricts(asOf: $asOf) { organizationId name(asOf: $asOf) heldBy(asOf: $asOf) { id } } }`;
const AGREEMENT = `query($id: ID!) { agreement(id: $id) {
  id status parties { organizationId name kind police heldBy { organizationId name } }
  policeSuccessor { organizationId name } revision currentVersion { number missingSignatures } } }`;
const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`;
const RENAME = `mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id name } }`;
const GRANT = `mutation($input: GrantOrganizationRoleInput!) { grantOrganizationRole(input: $input) { id roles } }`;
const END = `mutation($input: EndOrganizationRoleInput!) { endOrganizationRole(input: $input) { id roles roleHistory { role until endReason } } }`;
const DISTRICT = `mutation($input: RegisterPoliceDistrictInput!) { registerPoliceDistrict(input: $input) { organizationId from } }`;
const MERGE = `mutation($input: MergePoliceDistrictsInput!) { mergePoliceDistricts(input: $input) { organizationId predecessors { organizationId } } }`;
const DRAFT = `mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { id parties { organizationId kind police } } }`;
const RENEW = `mutation($input: RenewAgreementInput!) { renewAgreement(input: $input) { currentVersion { number } } }`;
const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { currentVersion { number missingSignatures signatures { organizationId signedBy } } } }`;

const clauses = [
  { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Roller.' },
  { section: 'CONTACT_POINTS', nb: 'Kontakter.' },
  { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Taushetsplikt.' },
  { section: 'VICTIM_ROUTE', nb: 'Rute.' },
  { section: 'TERM_AND_REVIEW', nb: 'Evaluering.' },
];

describe('organisations with roles over time, and police districts that merge', () => {
  let t: TestApp;
  let secretariat: string;
  let rosa: string;
  let sorOst: string;
  let telemark: string;
  let udi: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    sorOst = (await t.representative('AGENCY_MEMBER', 'org-sor-ost-pd', 'sigrid')).token;
    telemark = await t.token('AGENCY_MEMBER', 'org-telemark-pd', 'tore');
    udi = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
  });
  afterAll(() => t.stop());

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const eventCount = async () => (await store().readAll()).length;
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await t.gql(query, variables, { token });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  describe('the seed', () => {
    it('makes the Police Directorate police as well as the secretariat’s host', async () => {
      const { organization } = await ok(ORGANIZATION, { id: 'org-pod', asOf: '2019-06-01' }, rosa);
      expect(organization).toMatchObject({ kind: 'SECRETARIAT', roles: ['POLICE', 'SECRETARIAT_HOST'], police: true, policeDistrict: null });
    });

    it('shows Vestfold and Telemark merged into Sør-Øst on 2020-01-01', async () => {
      const before = await ok(DISTRICTS, { asOf: '2019-12-31' }, rosa);
      expect(before.policeDistricts).toEqual([
        { organizationId: 'org-telemark-pd', name: 'Telemark politidistrikt', heldBy: { id: 'org-telemark-pd' } },
        { organizationId: 'org-vestfold-pd', name: 'Vestfold politidistrikt', heldBy: { id: 'org-vestfold-pd' } },
      ]);
      const after = await ok(DISTRICTS, { asOf: '2020-01-01' }, rosa);
      expect(after.policeDistricts).toEqual([{ organizationId: 'org-sor-ost-pd', name: 'Sør-Øst politidistrikt', heldBy: { id: 'org-sor-ost-pd' } }]);
      const { organization } = await ok(ORGANIZATION, { id: 'org-vestfold-pd', asOf: '2019-06-01' }, rosa);
      expect(organization).toMatchObject({
        roles: ['POLICE'],
        policeDistrict: { from: '2002-01-01', mergedOn: '2020-01-01', mergedIntoId: 'org-sor-ost-pd', heldBy: { id: 'org-sor-ost-pd' } },
        roleHistory: [{ role: 'POLICE', from: '2002-01-01', until: '2020-01-01', endReason: 'Slått sammen med Sør-Øst politidistrikt (org-sor-ost-pd)' }],
      });
      expect((await ok(ORGANIZATION, { id: 'org-vestfold-pd', asOf: '2020-01-01' }, rosa)).organization.police).toBe(false);
    });

    it('records Vestfold’s agreement of 2019, which shows the district as it signed and Sør-Øst holding it now', async () => {
      const { agreement } = await ok(AGREEMENT, { id: SEED_AGREEMENT_ID }, rosa);
      expect(agreement).toMatchObject({
        status: 'IN_FORCE',
        parties: [
          { organizationId: 'org-vestfold-pd', name: 'Vestfold politidistrikt', kind: 'POLICE', police: true, heldBy: { organizationId: 'org-sor-ost-pd', name: 'Sør-Øst politidistrikt' } },
          { organizationId: 'org-rosa', police: false, heldBy: null },
        ],
        policeSuccessor: { organizationId: 'org-sor-ost-pd', name: 'Sør-Øst politidistrikt' },
      });
    });

    it('records a national agreement whose police party is the Police Directorate, police by role though its kind is SECRETARIAT', async () => {
      const { agreement } = await ok(AGREEMENT, { id: SEED_NATIONAL_AGREEMENT_ID }, secretariat);
      expect(agreement).toMatchObject({
        status: 'AWAITING_SIGNATURES',
        parties: [
          { organizationId: 'org-pod', name: 'Politidirektoratet', kind: 'SECRETARIAT', police: true, heldBy: null },
          { organizationId: 'org-rode-kors', name: 'Røde Kors', kind: 'NGO', police: false },
        ],
        policeSuccessor: null,
        currentVersion: { number: 1, missingSignatures: ['org-pod', 'org-rode-kors'] },
      });
    });

    it('finds the merged district’s agreements under its successor’s id, and under its own', async () => {
      const AGREEMENTS = `query($filter: AgreementsFilter) { agreements(filter: $filter) { edges { node { id } } } }`;
      const ids = async (partyId: string) =>
        ((await ok(AGREEMENTS, { filter: { partyId } }, secretariat)).agreements.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
      expect(await ids('org-sor-ost-pd')).toContain(SEED_AGREEMENT_ID);
      expect(await ids('org-vestfold-pd')).toContain(SEED_AGREEMENT_ID);
      expect(await ids('org-telemark-pd')).not.toContain(SEED_AGREEMENT_ID);
      // The successor's own people find it the same way.
      expect((await ok(AGREEMENTS, { filter: { partyId: 'org-sor-ost-pd' } }, sorOst)).agreements.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(SEED_AGREEMENT_ID);
    });

    it('appends nothing when seeded again', async () => {
      const before = await eventCount();
      expect(await t.app.get(OrganizationsSeeder).seed()).toBe(0);
      expect(await t.app.get(AgreementsSeeder).seed()).toBe(0);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('the successor acts for the merged district', () => {
    it('renews the 2019 agreement and signs the renewal for Vestfold; Telemark may not', async () => {
      const refused = await t.gql(RENEW, { input: { agreementId: SEED_AGREEMENT_ID, expiresOn: '2030-06-01' } }, { token: telemark });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'POLICE_PARTY_OR_SECRETARIAT_ONLY' });
      const renewed = await ok(RENEW, { input: { agreementId: SEED_AGREEMENT_ID, expiresOn: '2030-06-01' } }, sorOst);
      expect(renewed.renewAgreement.currentVersion.number).toBe(2);
      const signed = await ok(SIGN, { input: { agreementId: SEED_AGREEMENT_ID, version: 2 } }, sorOst);
      expect(signed.signAgreement.currentVersion).toMatchObject({
        missingSignatures: ['org-rosa'],
        signatures: [{ organizationId: 'org-vestfold-pd', signedBy: 'sigrid' }],
      });
    });

    it('refuses a merged district as a party to a new agreement, and takes the Police Directorate as police party', async () => {
      const input = { title: 'Avtale', purpose: 'Samarbeid.', clauses, effectiveFrom: '2026-09-01' };
      const merged = await t.gql(DRAFT, { input: { ...input, parties: [{ organizationId: 'org-vestfold-pd', role: 'Politi' }, { organizationId: 'org-rosa', role: 'Bistand' }] } }, { token: secretariat });
      expect(merged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PARTY_MERGED' });
      const pod = await ok(DRAFT, { input: { ...input, parties: [{ organizationId: 'org-pod', role: 'Fagansvar' }, { organizationId: 'org-rosa', role: 'Bistand' }] } }, secretariat);
      expect(pod.draftAgreement.parties).toEqual([
        { organizationId: 'org-pod', kind: 'SECRETARIAT', police: true },
        { organizationId: 'org-rosa', kind: 'NGO', police: false },
      ]);
    });
  });

  describe('the secretariat keeps roles, names and districts', () => {
    let agder: string;
    let old: string;

    beforeAll(async () => {
      agder = (await ok(REGISTER, { input: { name: 'Agder politidistrikt', kind: 'POLICE', from: '2002-01-01' } }, secretariat)).registerOrganization.id;
      old = (await ok(REGISTER, { input: { name: 'Aust-Agder politidistrikt', kind: 'POLICE', from: '2002-01-01' } }, secretariat)).registerOrganization.id;
    });

    it('keeps names over time', async () => {
      await ok(RENAME, { input: { organizationId: agder, name: 'Vest-Agder politidistrikt', from: '2002-01-01' } }, secretariat);
      await ok(RENAME, { input: { organizationId: agder, name: 'Agder politidistrikt', from: '2016-01-01' } }, secretariat);
      expect((await ok(ORGANIZATION, { id: agder, asOf: '2010-01-01' }, rosa)).organization.nameAsOf).toBe('Vest-Agder politidistrikt');
      expect((await ok(ORGANIZATION, { id: agder }, rosa)).organization).toMatchObject({ name: 'Agder politidistrikt', nameAsOf: 'Agder politidistrikt' });
      const early = await t.gql(RENAME, { input: { organizationId: agder, name: 'X', from: '2010-01-01' } }, { token: secretariat });
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RENAME_BEFORE_CURRENT_NAME' });
    });

    it('grants and ends roles, refusing what the rules forbid without a change', async () => {
      expect((await ok(GRANT, { input: { organizationId: 'org-udi', role: 'PROSECUTION', from: '2026-01-01' } }, secretariat)).grantOrganizationRole.roles).toEqual([
        'MEMBER_AGENCY',
        'PROSECUTION',
      ]);
      const before = await eventCount();
      for (const [query, input, reason] of [
        [GRANT, { organizationId: 'org-udi', role: 'PROSECUTION', from: '2027-01-01' }, 'ROLE_ALREADY_HELD'],
        [GRANT, { organizationId: 'org-udi', role: 'POLICE', from: '2001-01-01' }, 'ROLE_BEFORE_REGISTRATION'],
        [END, { organizationId: 'org-udi', role: 'NGO', reason: 'x' }, 'ROLE_NOT_HELD'],
        [END, { organizationId: 'org-udi', role: 'PROSECUTION', until: '2026-02-30', reason: 'x' }, 'INVALID_DATE'],
      ] as const) {
        const response = await t.gql(query, { input }, { token: secretariat });
        expect([reason, response.errors?.[0].extensions?.reason]).toEqual([reason, reason]);
      }
      const forbidden = await t.gql(GRANT, { input: { organizationId: 'org-udi', role: 'POLICE' } }, { token: udi });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await eventCount()).toBe(before);
      const ended = await ok(END, { input: { organizationId: 'org-udi', role: 'PROSECUTION', until: '2026-02-01', reason: 'Feilregistrert' } }, secretariat);
      expect(ended.endOrganizationRole.roleHistory).toContainEqual({ role: 'PROSECUTION', until: '2026-02-01', endReason: 'Feilregistrert' });
    });

    it('merges districts: never into itself, never a non-police organisation', async () => {
      await ok(DISTRICT, { input: { organizationId: old, from: '2002-01-01' } }, secretariat);
      const before = await eventCount();
      for (const [input, reason] of [
        [{ intoOrganizationId: old, mergedOrganizationIds: [old], on: '2016-01-01' }, 'MERGE_INTO_ITSELF'],
        [{ intoOrganizationId: agder, mergedOrganizationIds: ['org-rosa'], on: '2016-01-01' }, 'NOT_A_POLICE_ORGANIZATION'],
        [{ intoOrganizationId: 'org-rosa', mergedOrganizationIds: [old], on: '2016-01-01' }, 'NOT_A_POLICE_ORGANIZATION'],
        [{ intoOrganizationId: 'org-sor-ost-pd', mergedOrganizationIds: ['org-vestfold-pd'], on: '2021-01-01' }, 'NOT_A_POLICE_ORGANIZATION'],
      ] as const) {
        const response = await t.gql(MERGE, { input }, { token: secretariat });
        expect([reason, response.errors?.[0].extensions?.reason]).toEqual([reason, reason]);
      }
      expect(await eventCount()).toBe(before);
      const merged = await ok(MERGE, { input: { intoOrganizationId: agder, mergedOrganizationIds: [old], on: '2016-01-01' } }, secretariat);
      expect(merged.mergePoliceDistricts).toEqual({ organizationId: agder, predecessors: [{ organizationId: old }] });
      expect((await ok(ORGANIZATION, { id: old }, rosa)).organization).toMatchObject({ police: false, policeDistrict: { mergedIntoId: agder } });
    });
  });
});
