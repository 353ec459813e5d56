/** Every KOM date — meeting days, membership days, agreement dates — is a calendar day in Norway. */
export const KOM_TIME_ZONE = 'Europe/Oslo';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: KOM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
const HOURS_REMEMBERED = 4096;
/** Oslo's offset has been whole hours since 1895 (before, local mean time, +0:43). */
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1900, 0, 1);
/** So since then its date is the same for every instant of a UTC hour. */
const dateOfHour = new Map<number, string>();

/** The calendar date (YYYY-MM-DD) in Oslo at an instant, so a day changes at Norwegian midnight. */
export function osloDate(instant: string | Date): string {
  const ms = new Date(instant).getTime();
  const hour = Math.floor(ms / HOUR_MS);
  // Asked on every command and many events; formatToParts costs microseconds, the map a lookup.
  let date = dateOfHour.get(hour);
  if (date === undefined) {
    const parts: Record<string, string> = {};
    for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
    // Intl writes the years before 1000 with fewer digits; dates compare as text only at four.
    date = `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`;
    if (ms >= WHOLE_HOUR_OFFSETS_FROM) {
      if (dateOfHour.size >= HOURS_REMEMBERED) dateOfHour.clear();
      dateOfHour.set(hour, date);
    }
  }
  return date;
}
