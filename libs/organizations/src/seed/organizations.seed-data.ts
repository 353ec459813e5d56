import type { GroupKind } from '../domain/group.events';
import type { OrganizationKind } from '../domain/organization.events';

export interface SeedOrganization {
  /** Stable: tokens (`kom_org`), other contexts and integrators refer to it. Never change one. */
  readonly id: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: OrganizationKind;
  readonly memberships: ReadonlyArray<{ readonly group: GroupKind; readonly from: string }>;
}

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
 * administrative home and secretariat (SECRETARIAT), a member of neither group. The higher
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
  { id: 'org-pod', name: 'Politidirektoratet', shortName: 'POD', kind: 'SECRETARIAT', memberships: [] },
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
];
