import type { GroupKind } from '../domain/group.events';
import type { OrganizationRole } from '../domain/organization-roles';
import type { OrganizationKind } from '../domain/organization.events';

export interface SeedOrganization {
  /** Stable: tokens (`kom_org`), other contexts and integrators refer to it. Never change one. */
  readonly id: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: OrganizationKind;
  /** Its first day in the register's history (its kind's role holds from then); default SEED_FROM. */
  readonly from?: string;
  readonly memberships: ReadonlyArray<{ readonly group: GroupKind; readonly from: string }>;
  /** Roles besides its kind's. */
  readonly roles?: ReadonlyArray<{ readonly role: OrganizationRole; readonly from: string }>;
  /** In the register of police districts from this day. */
  readonly policeDistrictFrom?: string;
}

/** The register's history of the organisations the plan names starts with KOM, in 2006. */
export const SEED_FROM = '2006-01-01';

/**
 * Police districts merge: the police reform took the 27 districts of 2002 down to 12. The seed shows
 * one merge: Vestfold and Telemark into Sør-Øst, with an agreement Vestfold signed in 2019 that Sør-Øst
 * holds now (libs/agreements/src/seed).
 */
export const SEED_MERGES: ReadonlyArray<{ readonly intoOrganizationId: string; readonly mergedOrganizationIds: readonly string[]; readonly on: string }> = [
  { intoOrganizationId: 'org-sor-ost-pd', mergedOrganizationIds: ['org-vestfold-pd', 'org-telemark-pd'], on: '2020-01-01' },
];

/**
 * The bodies the action plan names (chapter 5, "Tverrfaglig samarbeid og kompetanseutvikling skal
 * intensiveres").
 *
 * Dates. The plan gives years, not days: KOM was set up in 2006, so the project group's founding
 * members are recorded from 2006-01-01; the Labour Inspection Authority "chose in the spring of 2009
 * to join KOM" (2009-04-01); the reference group is the list of organisations "represented in
 * 2009" (2009-01-01).
 *
 * Kinds. The police are one POLICE body (`org-politiet`, the police as the plan names them; in
 * practice the police districts and Kripos send representatives). The Police Directorate is KOM's
 * administrative home and secretariat (SECRETARIAT, so SECRETARIAT_HOST), a member of neither
 * group, and police too (the POLICE role, from its establishment on 2001-01-01): it may be the
 * police party to a cooperation agreement. Three police districts show the register of districts:
 * Vestfold and Telemark (districts of the 2002 reform) merged into Sør-Øst on 2020-01-01. The higher
 * prosecuting authority is PROSECUTION. In the reference group, voluntary organisations are NGO;
 * public or intergovernmental bodies and municipal services (the Equality and Anti-Discrimination
 * Ombud, IOM, Pro Sentret, Grünerløkka social centre, Hvalstad reception centre) and the Bar
 * Association are OTHER.
 */
const PROJECT_GROUP_FROM = '2006-01-01';
const REFERENCE_GROUP_FROM = '2009-01-01';
const project = [{ group: 'PROJECT_GROUP', from: PROJECT_GROUP_FROM }] as const;
const reference = [{ group: 'REFERENCE_GROUP', from: REFERENCE_GROUP_FROM }] as const;

export const SEED_ORGANIZATIONS: readonly SeedOrganization[] = [
  // The secretariat.
  {
    id: 'org-pod',
    name: 'Politidirektoratet',
    shortName: 'POD',
    kind: 'SECRETARIAT',
    from: '2001-01-01',
    memberships: [],
    roles: [{ role: 'POLICE', from: '2001-01-01' }],
  },
  // The project group (prosjektgruppen).
  { id: 'org-udi', name: 'Utlendingsdirektoratet', shortName: 'UDI', kind: 'AGENCY', memberships: project },
  { id: 'org-imdi', name: 'Integrerings- og mangfoldsdirektoratet', shortName: 'IMDi', kind: 'AGENCY', memberships: project },
  { id: 'org-bufdir', name: 'Barne-, ungdoms- og familiedirektoratet', shortName: 'Bufdir', kind: 'AGENCY', memberships: project },
  { id: 'org-nav', name: 'Arbeids- og velferdsdirektoratet', shortName: 'NAV', kind: 'AGENCY', memberships: project },
  { id: 'org-helsedirektoratet', name: 'Helsedirektoratet', shortName: 'Hdir', kind: 'AGENCY', memberships: project },
  {
    id: 'org-arbeidstilsynet',
    name: 'Arbeidstilsynet',
    shortName: null,
    kind: 'AGENCY',
    memberships: [{ group: 'PROJECT_GROUP', from: '2009-04-01' }],
  },
  { id: 'org-hoyere-patalemyndighet', name: 'Høyere påtalemyndighet', shortName: null, kind: 'PROSECUTION', memberships: project },
  { id: 'org-politiet', name: 'Politiet', shortName: null, kind: 'POLICE', memberships: project },
  // The reference group (referansegruppen), as represented in 2009, in the plan's order.
  { id: 'org-noas', name: 'Norsk organisasjon for asylsøkere', shortName: 'NOAS', kind: 'NGO', memberships: reference },
  { id: 'org-ldo', name: 'Likestillings- og diskrimineringsombudet', shortName: 'LDO', kind: 'OTHER', memberships: reference },
  { id: 'org-pion', name: 'Prostituertes interesseorganisasjon', shortName: 'PION', kind: 'NGO', memberships: reference },
  { id: 'org-iom-oslo', name: 'International Organization for Migration Oslo', shortName: 'IOM Oslo', kind: 'OTHER', memberships: reference },
  { id: 'org-redd-barna', name: 'Redd Barna', shortName: null, kind: 'NGO', memberships: reference },
  { id: 'org-kirkens-bymisjon', name: 'Kirkens Bymisjon', shortName: null, kind: 'NGO', memberships: reference },
  { id: 'org-pro-sentret', name: 'Pro Sentret', shortName: null, kind: 'OTHER', memberships: reference },
  { id: 'org-rosa', name: 'ROSA-prosjektet', shortName: 'ROSA', kind: 'NGO', memberships: reference },
  { id: 'org-reform', name: 'Reform – ressurssenter for menn', shortName: 'Reform', kind: 'NGO', memberships: reference },
  { id: 'org-rode-kors', name: 'Røde Kors', shortName: null, kind: 'NGO', memberships: reference },
  { id: 'org-rode-kors-ungdom', name: 'Røde Kors Ungdom', shortName: null, kind: 'NGO', memberships: reference },
  { id: 'org-grunerlokka-sosialsenter', name: 'Grünerløkka sosialsenter', shortName: null, kind: 'OTHER', memberships: reference },
  { id: 'org-norges-kristne-rad', name: 'Norges Kristne Råd', shortName: null, kind: 'NGO', memberships: reference },
  { id: 'org-adora', name: 'Adora-prosjektet', shortName: 'Adora', kind: 'NGO', memberships: reference },
  {
    id: 'org-hvalstad-transittmottak',
    name: 'Hvalstad transittmottak for enslige mindreårige asylsøkere',
    shortName: 'Hvalstad',
    kind: 'OTHER',
    memberships: reference,
  },
  { id: 'org-advokatforeningen', name: 'Advokatforeningen', shortName: null, kind: 'OTHER', memberships: reference },
  // Police districts: two of 2002 that merged into Sør-Øst on 2020-01-01 (SEED_MERGES).
  { id: 'org-vestfold-pd', name: 'Vestfold politidistrikt', shortName: null, kind: 'POLICE', from: '2002-01-01', memberships: [], policeDistrictFrom: '2002-01-01' },
  { id: 'org-telemark-pd', name: 'Telemark politidistrikt', shortName: null, kind: 'POLICE', from: '2002-01-01', memberships: [], policeDistrictFrom: '2002-01-01' },
  { id: 'org-sor-ost-pd', name: 'Sør-Øst politidistrikt', shortName: null, kind: 'POLICE', from: '2020-01-01', memberships: [] },
];
