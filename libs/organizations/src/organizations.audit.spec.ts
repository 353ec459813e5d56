import type { AuditSummaryInput } from '@kom/platform';
import { organizationAuditSummaries } from './organizations.audit';

const actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };
const names = { nameOf: (_kind: string, id: string) => ({ 'org-udi': 'Utlendingsdirektoratet', 'org-pod': 'Politidirektoratet' })[id], nameBefore: () => 'UDI gammel' };
const summary = (type: string, data: Record<string, unknown>) =>
  organizationAuditSummaries[type]!({ type, streamId: `organization-${String(data.organizationId)}`, data, actor, names } as AuditSummaryInput);

/** A code the API uses (AGENCY, POLICE, SECRETARIAT_HOST …) or a date as the log stores it (2001-01-01). */
const RAW = /\b[A-Z]{2,}_[A-Z_]+\b|\b(AGENCY|POLICE|PROSECUTION|NGO|SECRETARIAT|MINISTRY|OTHER|MEMBER_AGENCY)\b|\d{4}-\d{2}-\d{2}/;

describe('the audit trail on organisations', () => {
  it('names a registered organisation with its short name and its kind in words, and the day it holds from', () => {
    // Given UDI registered as an agency from 1 January 2001, when the trail summarises it
    const text = summary('OrganizationRegistered', { organizationId: 'org-udi', name: 'Utlendingsdirektoratet', shortName: 'UDI', kind: 'AGENCY', from: '2001-01-01' });
    // then the parenthesis holds the short name and the kind's label, and the day is written out
    expect(text).toEqual({
      nb: 'Organisasjonen «Utlendingsdirektoratet» (UDI; type: etat eller direktorat) ble registrert fra 1. januar 2001',
      en: 'The organisation “Utlendingsdirektoratet” (UDI; kind: agency or directorate) was registered from 1 January 2001',
    });
  });

  it('leaves out a short name the organisation has not got, keeps an acronym label as it is, and a version 1 event without a day', () => {
    const text = summary('OrganizationRegistered', { organizationId: 'org-rosa', name: 'ROSA', shortName: null, kind: 'NGO' });
    expect(text).toEqual({
      nb: 'Organisasjonen «ROSA» (type: frivillig organisasjon) ble registrert',
      en: 'The organisation “ROSA” (kind: NGO) was registered',
    });
  });

  it('names every kind in words in both languages', () => {
    const kinds = ['AGENCY', 'POLICE', 'PROSECUTION', 'NGO', 'SECRETARIAT', 'MINISTRY', 'OTHER'];
    const shown = kinds.map((kind) => summary('OrganizationRegistered', { organizationId: 'org-x', name: 'X', shortName: null, kind, from: '2020-02-29' }));
    expect(shown.map((t) => /type: ([^)]*)\)/.exec(t.nb)?.[1])).toEqual(['etat eller direktorat', 'politiet', 'påtalemyndigheten', 'frivillig organisasjon', 'sekretariat', 'departement', 'annen']);
    expect(shown.map((t) => /kind: ([^)]*)\)/.exec(t.en)?.[1])).toEqual(['agency or directorate', 'police', 'prosecuting authority', 'NGO', 'secretariat', 'ministry', 'other']);
    expect(shown[0]!.nb).toContain('fra 29. februar 2020');
  });

  it('names a role granted and ended in words, with the days written out', () => {
    // Given the Police Directorate was given the police role from 1 January 2001 and lost it from 1 January 2020
    const granted = summary('OrganizationRoleGranted', { organizationId: 'org-pod', role: 'POLICE', from: '2001-01-01' });
    const ended = summary('OrganizationRoleEnded', { organizationId: 'org-pod', role: 'SECRETARIAT_HOST', until: '2020-01-01', reason: 'Sekretariatet flyttet' });
    // then the trail says which role in the reader's language, never the code
    expect(granted).toEqual({ nb: '«Politidirektoratet» fikk rollen politi fra 1. januar 2001', en: '“Politidirektoratet” was given the role police from 1 January 2001' });
    expect(ended).toEqual({
      nb: '«Politidirektoratet» har ikke lenger rollen vertskap for sekretariatet fra 1. januar 2020: Sekretariatet flyttet',
      en: '“Politidirektoratet” no longer holds the role secretariat host from 1 January 2020: Sekretariatet flyttet',
    });
  });

  it('writes out every day it shows: renames, police districts and group membership', () => {
    const texts = [
      summary('OrganizationRenamed', { organizationId: 'org-udi', name: 'Utlendingsdirektoratet', shortName: 'UDI', from: '2026-12-05' }),
      summary('PoliceDistrictRegistered', { organizationId: 'org-pod', from: '2002-03-04' }),
      summary('PoliceDistrictsMerged', { intoOrganizationId: 'org-pod', mergedOrganizationIds: ['org-udi'], on: '2017-01-01' }),
      summary('OrganizationAdmittedToGroup', { organizationId: 'org-udi', groupKind: 'PROJECT_GROUP', organizationKind: 'AGENCY', effectiveFrom: '2026-12-05' }),
      summary('OrganizationLeftGroup', { organizationId: 'org-udi', groupKind: 'REFERENCE_GROUP', effectiveFrom: '2026-12-06', reason: 'Ut' }),
    ];
    expect(texts.flatMap((t) => [t.nb, t.en]).filter((t) => RAW.test(t))).toEqual([]);
    expect(texts[0]).toEqual({
      nb: 'Organisasjonen «UDI gammel» fikk navnet «Utlendingsdirektoratet» (UDI) fra 5. desember 2026',
      en: 'The organisation “UDI gammel” was renamed “Utlendingsdirektoratet” (UDI) from 5 December 2026',
    });
    expect(texts[3]!.nb).toBe('«Utlendingsdirektoratet» ble tatt opp i prosjektgruppen fra 5. desember 2026');
  });

  it('shows an unknown code or a value that is no calendar day as it is, rather than failing', () => {
    const text = summary('OrganizationRoleGranted', { organizationId: 'org-pod', role: 'FUTURE_ROLE', from: '2026-02-30' });
    expect(text.en).toBe('“Politidirektoratet” was given the role FUTURE_ROLE from 2026-02-30');
  });
});
