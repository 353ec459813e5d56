import ICAL from 'ical.js';
import type { Provenance } from '../provenance/provenance';
import type { CalendarDocument, CalendarEntry } from './document-model';
import { icsRenderer } from './ics.renderer';

const provenance: Provenance = {
  kind: 'calendar',
  format: 'ics',
  lang: 'nb',
  params: { body: 'PROJECT_GROUP' },
  audience: { role: 'SECRETARIAT', organizationId: 'org-pod' },
  position: '42',
  eventHash: 'a'.repeat(64),
  recordedAt: '2027-10-01T09:00:00.000Z',
  treeSize: 42,
  rootHash: 'b'.repeat(64),
  checkpoint: null,
};
const entry = (uid: string, start: string, end: string): CalendarEntry => ({ uid, sequence: 1, start, end, summary: uid, description: '', location: null, url: null, cancelled: false });

/** Each event's DTSTART line as written, and the instant a calendar program reads from it. */
function starts(bytes: Buffer): Record<string, { line: string; utc: string }> {
  const text = bytes.toString('utf8');
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const out: Record<string, { line: string; utc: string }> = {};
  for (const vevent of component.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const line = text.split('\r\n').find((l, i, all) => l.startsWith('DTSTART') && all.slice(0, i).reverse().find((x) => x.startsWith('UID:'))?.endsWith(event.uid))!;
    out[event.uid] = { line, utc: event.startDate.toJSDate().toISOString() };
  }
  return out;
}

describe('the iCalendar renderer and the clock changes of Europe/Oslo', () => {
  it('writes the two meetings at 02:30 on the night the clocks go back as the two instants they are', async () => {
    const model: CalendarDocument = {
      shape: 'calendar',
      lang: 'nb',
      title: 'Møter',
      entries: [
        entry('summer-time', '2027-10-31T00:30:00.000Z', '2027-10-31T00:45:00.000Z'), // 02:30 CEST
        entry('winter-time', '2027-10-31T01:30:00.000Z', '2027-10-31T01:45:00.000Z'), // 02:30 CET
        entry('ordinary', '2027-01-12T08:00:00.000Z', '2027-01-12T10:00:00.000Z'),
        entry('spring', '2027-03-28T01:30:00.000Z', '2027-03-28T02:30:00.000Z'), // 03:30 CEST, just after the skipped hour
      ],
    };
    const read = starts(await icsRenderer.render(model, provenance));
    expect(read['summer-time']).toEqual({ line: 'DTSTART:20271031T003000Z', utc: '2027-10-31T00:30:00.000Z' });
    expect(read['winter-time']).toEqual({ line: 'DTSTART:20271031T013000Z', utc: '2027-10-31T01:30:00.000Z' });
    // Every other time keeps the Oslo zone, which calendar programs show as such.
    expect(read.ordinary).toEqual({ line: 'DTSTART;TZID=Europe/Oslo:20270112T090000', utc: '2027-01-12T08:00:00.000Z' });
    expect(read.spring).toEqual({ line: 'DTSTART;TZID=Europe/Oslo:20270328T033000', utc: '2027-03-28T01:30:00.000Z' });
  });
});
