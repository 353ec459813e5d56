import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { MeasuresSeeder } from '@kom/measures';
import { OrganizationsSeeder, SEED_ORGANIZATIONS } from '@kom/organizations';
import { PERSONAL_DATA_KEYS, type PersonalDataKeys } from '@kom/platform';
import { TestApp } from '../support/test-app';

const GROUP = `query($kind: GroupKind!, $asOf: String) {
  group(kind: $kind) { kind nb: kindLabel en: kindLabel(lang: EN) members(asOf: $asOf) { id name kind } }
}`;
const ADMIT = `mutation($input: AdmitToGroupInput!) { admitToGroup(input: $input) { kind members(asOf: "2030-01-01") { id } } }`;
const LEAVE = `mutation($input: LeaveGroupInput!) { leaveGroup(input: $input) { kind members(asOf: "2030-01-01") { id } } }`;
const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`;
const ADD_REPRESENTATIVE = `mutation($input: AddRepresentativeInput!) {
  addRepresentative(input: $input) { id organizationId name email erased }
}`;
const REMOVE_REPRESENTATIVE = `mutation($input: RemoveRepresentativeInput!) {
  removeRepresentative(input: $input) { id representatives { id } }
}`;
const REPRESENTATIVES = `query($id: ID!) { organization(id: $id) { id representatives { id name email erased } } }`;

const PROJECT_GROUP = [
  'org-arbeidstilsynet',
  'org-bufdir',
  'org-helsedirektoratet',
  'org-hoyere-patalemyndighet',
  'org-imdi',
  'org-nav',
  'org-politiet',
  'org-udi',
];

describe('organisations, groups, representatives and measures over GraphQL', () => {
  let t: TestApp;
  let secretariat: string;
  let rosa: string;
  let pion: string;
  let agency: string;
  let auditor: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
    pion = await t.token('NGO_REPRESENTATIVE', 'org-pion', 'per');
    agency = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'aud');
  });
  afterAll(() => t.stop());

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const eventCount = async () => (await store().readAll()).length;
  const memberIds = async (kind: string, asOf?: string) => {
    const response = await t.gql(GROUP, { kind, asOf }, { token: rosa });
    expect(response.errors).toBeUndefined();
    return (response.data?.group.members as Array<{ id: string }>).map((m) => m.id).sort();
  };

  describe('seeding', () => {
    it('shows the organisations the plan names from the first request', async () => {
      const response = await t.gql(
        `{ pod: organization(id: "org-pod") { name shortName kind memberships { groupKind } }
           rosa: organization(id: "org-rosa") { name kind memberships { groupKind from to leavingReason } }
           police: organization(id: "org-politiet") { kind } }`,
        {},
        { token: rosa },
      );
      expect(response.data).toEqual({
        pod: { name: 'Politidirektoratet', shortName: 'POD', kind: 'SECRETARIAT', memberships: [] },
        rosa: {
          name: 'ROSA-prosjektet',
          kind: 'NGO',
          memberships: [{ groupKind: 'REFERENCE_GROUP', from: '2009-01-01', to: null, leavingReason: null }],
        },
        police: { kind: 'POLICE' },
      });
      expect(SEED_ORGANIZATIONS).toHaveLength(28); // the 25 the plan names and three police districts
    });

    it('seeds the project group with its eight members and the reference group with the sixteen of 2009', async () => {
      const response = await t.gql(GROUP, { kind: 'PROJECT_GROUP' }, { token: rosa });
      expect(response.data?.group).toMatchObject({ kind: 'PROJECT_GROUP', nb: 'Prosjektgruppen', en: 'Project group' });
      expect(await memberIds('PROJECT_GROUP')).toEqual(PROJECT_GROUP);
      expect(await memberIds('REFERENCE_GROUP')).toHaveLength(16);
      expect(await memberIds('REFERENCE_GROUP')).toEqual(expect.arrayContaining(['org-rosa', 'org-noas', 'org-iom-oslo', 'org-advokatforeningen']));
    });

    it('dates the memberships: the Labour Inspection Authority joined in the spring of 2009', async () => {
      expect(await memberIds('PROJECT_GROUP', '2008-12-31')).toEqual(PROJECT_GROUP.filter((id) => id !== 'org-arbeidstilsynet'));
      expect(await memberIds('REFERENCE_GROUP', '2008-12-31')).toEqual([]);
    });

    it('appends nothing when the seeders run again over the same store', async () => {
      const before = await eventCount();
      expect(await t.app.get(OrganizationsSeeder).seed()).toBe(0);
      expect(await t.app.get(MeasuresSeeder).seed()).toBe(0);
      expect(await eventCount()).toBe(before);
    });

    it('appends nothing when the application starts again on the same data', async () => {
      const dataDir = t.config.dataDir;
      const before = await eventCount();
      const organizationEvents = (await store().readAll()).filter((e) => e.streamId.startsWith('organization-org-')).length;
      expect(organizationEvents).toBe(31); // 28 registered, the Police Directorate's POLICE role, two districts' POLICE role ended by their merge
      await t.app.close();
      t = await TestApp.start({ dataDir });
      expect(await eventCount()).toBe(before);
      expect(await memberIds('PROJECT_GROUP')).toEqual(PROJECT_GROUP);
    });
  });

  describe('groups', () => {
    let amathea: string;

    beforeAll(async () => {
      const response = await t.gql(REGISTER, { input: { name: 'Stiftelsen Amathea', kind: 'NGO' } }, { token: secretariat });
      amathea = response.data?.registerOrganization.id;
    });

    it('admits an organisation and leaves its history answerable by date', async () => {
      const admitted = await t.gql(ADMIT, { input: { groupKind: 'REFERENCE_GROUP', organizationId: amathea, effectiveFrom: '2024-01-01' } }, { token: secretariat });
      expect(admitted.errors).toBeUndefined();
      expect(admitted.data?.admitToGroup.members).toContainEqual({ id: amathea });

      const left = await t.gql(
        LEAVE,
        { input: { groupKind: 'REFERENCE_GROUP', organizationId: amathea, effectiveFrom: '2025-01-01', reason: 'Merged into another organisation' } },
        { token: secretariat },
      );
      expect(left.errors).toBeUndefined();
      expect(left.data?.leaveGroup.members).not.toContainEqual({ id: amathea });

      expect(await memberIds('REFERENCE_GROUP', '2023-12-31')).not.toContain(amathea);
      expect(await memberIds('REFERENCE_GROUP', '2024-01-01')).toContain(amathea);
      expect(await memberIds('REFERENCE_GROUP', '2024-12-31')).toContain(amathea);
      expect(await memberIds('REFERENCE_GROUP', '2025-01-01')).not.toContain(amathea);
      // An instant counts as the day it fell on in Norway: 23:30 UTC on New Year's Eve is already 2025 in Oslo.
      expect(await memberIds('REFERENCE_GROUP', '2024-12-31T22:30:00Z')).toContain(amathea);
      expect(await memberIds('REFERENCE_GROUP', '2024-12-31T23:30:00Z')).not.toContain(amathea);

      const history = await t.gql('query($id: ID!) { organization(id: $id) { memberships { groupKind from to leavingReason } } }', { id: amathea }, { token: rosa });
      expect(history.data?.organization.memberships).toEqual([
        { groupKind: 'REFERENCE_GROUP', from: '2024-01-01', to: '2025-01-01', leavingReason: 'Merged into another organisation' },
      ]);
    });

    it('refuses what the rules forbid, with a code and a reason', async () => {
      const cases: Array<[string, Record<string, unknown>, string, string, string]> = [
        [ADMIT, { groupKind: 'REFERENCE_GROUP', organizationId: 'org-rosa', effectiveFrom: '2024-01-01' }, secretariat, 'CONFLICT', 'ALREADY_A_MEMBER'],
        [ADMIT, { groupKind: 'PROJECT_GROUP', organizationId: 'org-rosa' }, secretariat, 'BAD_USER_INPUT', 'ORGANIZATION_KIND_NOT_ADMISSIBLE'],
        [ADMIT, { groupKind: 'PROJECT_GROUP', organizationId: 'org-pod' }, secretariat, 'BAD_USER_INPUT', 'ORGANIZATION_KIND_NOT_ADMISSIBLE'],
        [ADMIT, { groupKind: 'REFERENCE_GROUP', organizationId: 'org-nowhere' }, secretariat, 'NOT_FOUND', 'ORGANIZATION_NOT_FOUND'],
        [ADMIT, { groupKind: 'REFERENCE_GROUP', organizationId: 'org-udi', effectiveFrom: '2024-02-30' }, secretariat, 'BAD_USER_INPUT', 'INVALID_DATE'],
        [LEAVE, { groupKind: 'PROJECT_GROUP', organizationId: 'org-rosa', reason: 'Never was' }, secretariat, 'CONFLICT', 'NOT_A_MEMBER'],
        [LEAVE, { groupKind: 'PROJECT_GROUP', organizationId: 'org-udi', reason: ' ' }, secretariat, 'BAD_USER_INPUT', 'REASON_REQUIRED'],
      ];
      const before = await eventCount();
      for (const [mutation, input, token, code, reason] of cases) {
        const response = await t.gql(mutation, { input }, { token });
        expect([reason, response.errors?.[0].extensions]).toEqual([reason, expect.objectContaining({ code, reason })]);
      }
      const forbidden = await t.gql(ADMIT, { input: { groupKind: 'REFERENCE_GROUP', organizationId: amathea } }, { token: agency });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await eventCount()).toBe(before);
    });

    it('does not put back on start what the secretariat took out of a group', async () => {
      const left = await t.gql(
        LEAVE,
        { input: { groupKind: 'REFERENCE_GROUP', organizationId: 'org-advokatforeningen', effectiveFrom: '2026-01-01', reason: 'No longer takes part' } },
        { token: secretariat },
      );
      expect(left.errors).toBeUndefined();
      expect(await t.app.get(OrganizationsSeeder).seed()).toBe(0);
      expect(await memberIds('REFERENCE_GROUP', '2026-06-01')).not.toContain('org-advokatforeningen');
      expect(await memberIds('REFERENCE_GROUP', '2025-06-01')).toContain('org-advokatforeningen');
    });
  });

  describe('representatives (personal data)', () => {
    let representativeId: string;

    beforeAll(async () => {
      const added = await t.gql(ADD_REPRESENTATIVE, { input: { organizationId: 'org-rosa', name: 'Kari Nordmann', email: 'kari@rosa.example' } }, { token: secretariat });
      expect(added.errors).toBeUndefined();
      representativeId = added.data?.addRepresentative.id;
      expect(added.data?.addRepresentative).toEqual({ id: representativeId, organizationId: 'org-rosa', name: 'Kari Nordmann', email: 'kari@rosa.example', erased: false });
    });


    it('keeps the name and e-mail address out of every event, sealed under a key kept outside the log', async () => {
      const events = await store().readAll();
      expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/Kari|Nordmann|kari@rosa/);
      const key = (await t.app.get<PersonalDataKeys>(PERSONAL_DATA_KEYS).get(representativeId))!;
      expect(key).toHaveLength(32);
      expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(key.toString('base64'));
      expect(events.some((e) => e.streamId.startsWith('personal-data-key-'))).toBe(false);
      const [added] = await store().readStream(`representative-${representativeId}`);
      expect(added).toMatchObject({ type: 'RepresentativeAdded', data: { representativeId, organizationId: 'org-rosa', details: expect.stringMatching(/^v1\./) } });
    });

    it('shows representatives to the secretariat, to agency members and to their own organisation', async () => {
      for (const token of [secretariat, agency, rosa]) {
        const response = await t.gql(REPRESENTATIVES, { id: 'org-rosa' }, { token });
        expect(response.data?.organization.representatives).toEqual([
          { id: representativeId, name: 'Kari Nordmann', email: 'kari@rosa.example', erased: false },
        ]);
      }
    });

    it('never shows them to another NGO, nor to auditors, also not through the list of organisations', async () => {
      for (const token of [pion, auditor]) {
        const response = await t.gql(REPRESENTATIVES, { id: 'org-rosa' }, { token });
        expect(response.errors).toBeUndefined();
        expect(response.data?.organization).toEqual({ id: 'org-rosa', representatives: null });
      }
      const list = await t.gql('{ organizations(first: 100) { edges { node { id representatives { name } } } } }', {}, { token: pion });
      const nodes = list.data?.organizations.edges.map((e: any) => e.node) as Array<{ id: string; representatives: unknown }>;
      expect(nodes.find((n) => n.id === 'org-rosa')?.representatives).toBeNull();
      expect(nodes.find((n) => n.id === 'org-pion')?.representatives).toEqual([]);
      expect(JSON.stringify(list)).not.toContain('Kari');
    });

    it('lets only the secretariat add representatives, and refuses bad details', async () => {
      const input = { organizationId: 'org-pion', name: 'Per Hansen', email: 'per@pion.example' };
      const before = await eventCount();
      expect((await t.gql(ADD_REPRESENTATIVE, { input }, { token: pion })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(ADD_REPRESENTATIVE, { input: { ...input, email: 'per' } }, { token: secretariat })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_EMAIL',
      });
      expect((await t.gql(ADD_REPRESENTATIVE, { input: { ...input, name: 'Per 15076500565' } }, { token: secretariat })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PERSONAL_DATA_REFUSED',
      });
      expect((await t.gql(ADD_REPRESENTATIVE, { input: { ...input, organizationId: 'org-nowhere' } }, { token: secretariat })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ORGANIZATION_NOT_FOUND',
      });
      expect(await eventCount()).toBe(before);
    });

    it('removes a representative and returns the organisation without it', async () => {
      const removed = await t.gql(REMOVE_REPRESENTATIVE, { input: { representativeId } }, { token: secretariat });
      expect(removed.data?.removeRepresentative).toEqual({ id: 'org-rosa', representatives: [] });
      const again = await t.gql(REMOVE_REPRESENTATIVE, { input: { representativeId } }, { token: secretariat });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPRESENTATIVE_ALREADY_REMOVED' });
    });
  });

  describe('measures', () => {
    it('lists the 35 measures of the plan', async () => {
      const response = await t.gql('{ measures { number } }', {}, { token: pion });
      expect(response.data?.measures.map((m: { number: number }) => m.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    });

    it('answers one measure with its labels, area and ministries', async () => {
      const response = await t.gql(
        `{ measure(number: 34) { number nb: label en: label(lang: EN) area areaNb: areaLabel areaEn: areaLabel(lang: EN) ministries } }`,
        {},
        { token: agency },
      );
      expect(response.data?.measure).toEqual({
        number: 34,
        nb: 'Inngå samarbeidsavtaler mellom politiet og andre aktører',
        en: 'Enter into cooperation agreements between the police and other actors',
        area: 'PROSECUTION',
        areaNb: 'Menneskehandlere skal straffeforfølges',
        areaEn: 'Traffickers shall be prosecuted',
        ministries: ['JD'],
      });
      expect((await t.gql('{ measure(number: 99) { number } }', {}, { token: agency })).data?.measure).toBeNull();
    });

    it('filters by area and by ministry', async () => {
      const byArea = await t.gql('{ measures(area: CHILDREN) { number } }', {}, { token: auditor });
      expect(byArea.data?.measures.map((m: { number: number }) => m.number)).toEqual([24, 25, 26, 27, 28]);
      const byMinistry = await t.gql('{ measures(ministry: KRD) { number ministries } }', {}, { token: auditor });
      expect(byMinistry.data?.measures).toEqual([
        { number: 17, ministries: ['AD', 'JD', 'KRD', 'BLD'] },
        { number: 19, ministries: ['AD', 'JD', 'KRD', 'BLD'] },
      ]);
      const both = await t.gql('{ measures(area: PREVENTION, ministry: HOD) { number } }', {}, { token: auditor });
      expect(both.data?.measures).toEqual([{ number: 11 }]);
      const labels = await t.gql('{ enumValues(enum: "Ministry") { key en } }', {}, { token: auditor });
      expect(labels.data?.enumValues).toContainEqual({ key: 'KRD', en: 'Ministry of Local Government and Regional Development' });
    });
  });
});
