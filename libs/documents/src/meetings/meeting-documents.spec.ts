import { meetingsContext } from '@kom/meetings';
import { organizationsContext } from '@kom/organizations';
import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
import type { Block } from '../render/document-model';
import { agendaDocument } from './meeting-documents';

const meetingId = 'm1';
const stream = `meeting-${meetingId}`;

describe('the agenda names each cited measure by (plan, number)', () => {
  let spec: ProjectionSpec;
  beforeEach(() => {
    spec = projectionSpec([...meetingsContext.projections, ...organizationsContext.projections]);
  });
  afterEach(() => spec.close());

  it("writes the 2011–2014 plan's measures by number, as always, and another plan's with its period", () => {
    spec.given([
      ev(stream, 'MeetingScheduled', {
        meetingId,
        kind: 'PROJECT_GROUP',
        title: 'Prosjektgruppemøte',
        startsAt: '2027-01-12T08:00:00.000Z',
        endsAt: '2027-01-12T10:00:00.000Z',
        location: 'Oslo',
        videoLink: null,
        seriesId: null,
        seriesIndex: null,
        timeZone: 'Europe/Oslo',
      }),
      ev(stream, 'AgendaItemAdded', {
        meetingId,
        itemId: 'a1',
        title: 'Erfaringer',
        description: '',
        presentingOrganizationId: null,
        citedMeasures: [
          { plan: '2006-2009', number: 1 },
          { plan: '2011-2014', number: 5 },
          { plan: '2011-2014', number: 34 },
        ],
        sourceIssueId: null,
        position: 0,
        amendment: false,
      }),
    ]);
    const doc = agendaDocument(spec.readModels, meetingId, 'nb', { mayReadDraftAgenda: true });
    const facts = doc.blocks.flatMap((b: Block) => (b.kind === 'facts' ? b.items : []));
    expect(facts).toContainEqual(['Tiltak', '1 (2006–2009), 5, 34']);
  });
});
