import type { Role } from '@kom/kernel';

export interface EmbeddedPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
}

/**
 * The demo people of embedded mode: one or more per role, each at a seeded organisation. Invented
 * staff members, for trying the web app without an identity provider; production never offers them.
 */
export const EMBEDDED_PEOPLE: readonly EmbeddedPerson[] = [
  { userId: 'demo-secretariat', displayName: 'Siri Sekretariat', role: 'SECRETARIAT', organizationId: 'org-pod' },
  { userId: 'demo-udi', displayName: 'Ulrik Utlending', role: 'AGENCY_MEMBER', organizationId: 'org-udi' },
  { userId: 'demo-politiet', displayName: 'Per Politi', role: 'AGENCY_MEMBER', organizationId: 'org-politiet' },
  { userId: 'demo-rosa', displayName: 'Rita Rosa', role: 'NGO_REPRESENTATIVE', organizationId: 'org-rosa' },
  { userId: 'demo-noas', displayName: 'Nora Noas', role: 'NGO_REPRESENTATIVE', organizationId: 'org-noas' },
  { userId: 'demo-auditor', displayName: 'Aud Revisor', role: 'AUDITOR', organizationId: 'org-pod' },
];

export const embeddedPerson = (userId: unknown): EmbeddedPerson | undefined =>
  typeof userId === 'string' ? EMBEDDED_PEOPLE.find((p) => p.userId === userId) : undefined;
