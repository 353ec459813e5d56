/** Every KOM date — meeting days, membership days, agreement dates — is a calendar day in Norway. */
export const KOM_TIME_ZONE = 'Europe/Oslo';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: KOM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Oslo at an instant, so a day changes at Norwegian midnight. */
export function osloDate(instant: string | Date): string {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
