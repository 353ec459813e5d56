import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { stampToken, type Provenance } from '../provenance/provenance';
import { osloLocal, osloLocalIsAmbiguous } from '../labels/oslo-format';
import type { CalendarDocument } from './document-model';
import type { DocumentRenderer } from './renderer.port';
import { safeDocument } from './safe-text';

export const OSLO = 'Europe/Oslo';

/**
 * Europe/Oslo as RFC 5545 wants it: CET/CEST with the EU rule in force since 1996 (summer time from
 * the last Sunday of March 02:00 to the last Sunday of October 03:00). Written out, so the feed
 * needs no time-zone database and is the same bytes everywhere.
 */
const OSLO_VTIMEZONE = [
  // Joined with CRLF; the library adds the line end after the block.
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const STAMP_PROPERTY = 'X-KOM-PROVENANCE';

/**
 * An iCalendar feed (RFC 5545): one VEVENT per meeting with a UID that never changes, SEQUENCE
 * from the meeting's revision (it grows with every change), STATUS:CANCELLED for a cancelled
 * meeting, times in Europe/Oslo with its VTIMEZONE (in UTC in the hour the clocks go back), and the
 * provenance as an X- property.
 * DTSTAMP is the time of the event at the feed's log position.
 */
export const icsRenderer: DocumentRenderer<CalendarDocument> = {
  format: 'ics',
  async render(recorded: CalendarDocument, provenance: Provenance): Promise<Buffer> {
    // Old events may hold characters the format forbids: never written (safe-text.ts).
    const model = safeDocument(recorded);
    const calendar = ical({
      name: model.title,
      prodId: { company: 'KOM Platform', product: 'meetings', language: model.lang.toUpperCase() },
      method: ICalCalendarMethod.PUBLISH,
      // No calendar-wide zone: with one, the library writes every date in the process's zone.
      timezone: { name: null, generator: (zone) => (zone === OSLO ? OSLO_VTIMEZONE : null) },
      x: [[STAMP_PROPERTY, stampToken(provenance)]],
    });
    const stamp = new Date(provenance.recordedAt);
    for (const entry of model.entries) {
      calendar.createEvent({
        id: entry.uid,
        sequence: entry.sequence,
        stamp,
        // In the hour the clocks go back an Oslo time names two instants: such a meeting is written
        // in UTC, which names one (RFC 5545 3.3.5 would otherwise pick the first of the two).
        ...(osloLocalIsAmbiguous(entry.start) || osloLocalIsAmbiguous(entry.end)
          ? { start: new Date(entry.start), end: new Date(entry.end) }
          : { start: osloLocal(entry.start), end: osloLocal(entry.end), timezone: OSLO }),
        summary: entry.summary,
        description: entry.description,
        location: entry.location ?? undefined,
        url: entry.url ?? undefined,
        status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return Buffer.from(calendar.toString(), 'utf8');
  },
  async readStamp(bytes: Buffer): Promise<string | undefined> {
    // Unfold (RFC 5545 3.1) before looking for the property.
    const text = bytes.toString('utf8').replace(/\r?\n[ \t]/g, '');
    const line = text.split(/\r?\n/).find((l) => l.startsWith(`${STAMP_PROPERTY}:`));
    return line?.slice(STAMP_PROPERTY.length + 1).trim();
  },
};
