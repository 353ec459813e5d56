/** Drafts of a status report are for the secretariat that writes it and the agencies that feed it; the rest read what is published. */
export function mayReadDrafts(role: string): boolean {
  return role === 'SECRETARIAT' || role === 'AGENCY_MEMBER';
}
