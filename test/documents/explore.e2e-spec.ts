import { writeFileSync } from 'node:fs';
import { ManualClock } from '@kom/platform';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { DocumentBuilder } from '@kom/documents';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { TestApp } from '../support/test-app';
import { documentsScenario } from '../support/documents-scenario';

it('explores', async () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  const t = await TestApp.start({ clock });
  try {
    const s = await documentsScenario(t, clock);
    const builder = new DocumentBuilder({ store: t.app.get<EventStore>(EVENT_STORE), projections: CONTEXTS.flatMap((c) => c.projections) });
    const who = { role: 'SECRETARIAT', organizationId: 'org-pod' };
    for (const [kind, format, params] of [['agenda', 'pdf', { meetingId: s.first }], ['agenda', 'html', { meetingId: s.first }], ['minutes', 'pdf', { meetingId: s.first }], ['minutes', 'html', { meetingId: s.first }], ['decision-register', 'csv', {}], ['decision-register', 'xlsx', {}], ['calendar', 'ics', { body: 'PROJECT_GROUP' }]] as const) {
      const started = Date.now();
      const d = await builder.build({ kind, format, params, lang: 'nb' }, who);
      writeFileSync(`/tmp/doc-${kind}.${format}`, d.bytes);
      console.log(kind, format, d.fileName, d.bytes.length, Date.now() - started, 'ms');
      const again = await builder.build({ kind, format, params, lang: 'nb', position: BigInt(d.provenance.position) }, who);
      console.log('identical', again.bytes.equals(d.bytes), (await builder.verify(d.bytes)).identical);
    }
  } finally {
    await t.stop();
  }
}, 120000);
