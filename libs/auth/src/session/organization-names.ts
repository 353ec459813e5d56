/** An organisation's display name by id (the organisations read model, provided by the app). */
export interface OrganizationNames {
  nameOf(organizationId: string): string | undefined;
}

export const ORGANIZATION_NAMES = Symbol.for('kom.OrganizationNames');
