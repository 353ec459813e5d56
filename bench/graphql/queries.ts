// The two read queries of the GraphQL benchmark (G1), and the size of the data they read.
export const READ_QUERY = '{ measures { number } organizations(first: 50) { edges { node { name } } } }';

/** A 20-item agenda: the meeting with its items, the measures they cite, its decisions and each organisation's position. */
export const AGENDA_QUERY = `query($id: ID!) { meeting(id: $id) { id title status startsAt
  agenda { id position title description presentingOrganizationId citedMeasureRefs { plan number } }
  decisions { id agendaItemId text citedMeasureRefs { plan number } positions { organizationId position reason } } } }`;

/** Registered on top of the reference organisations, so that a page of 50 is full. */
export const SEED_ORGANIZATIONS = 40;
export const SEED_AGENDA_ITEMS = 20;

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name } }';
const RENAME = 'mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id name } }';

/**
 * G2's write load, for `mutate`: each client registers an organisation named `<label> <client>-<n>`,
 * then renames the one it registered, and so on; `answered` keeps each client's last registration.
 */
export function organizationMutations(label: string) {
  const lastRegistered = new Map<number, string>();
  return {
    next: (client: number, n: number) =>
      n % 2 === 0
        ? { query: REGISTER, variables: { input: { name: `${label} ${client}-${n}`, kind: 'NGO' } } }
        : { query: RENAME, variables: { input: { organizationId: lastRegistered.get(client), name: `${label} ${client}-${n} (nytt navn)` } } },
    answered: (client: number, data: { registerOrganization?: { id: string } } | undefined) => {
      if (data?.registerOrganization) lastRegistered.set(client, data.registerOrganization.id);
    },
  };
}
