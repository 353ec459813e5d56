import { AgendaQueries, MeetingsQueries, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingView } from '@kom/meetings';
import { GroupMembershipQueries, OrganizationsQueries } from '@kom/organizations';
import type { ReadModelDatabase } from '@kom/projections';
import { NotFound } from '@kom/kernel';
import { DOCUMENT_TEXT, type DocumentLang } from '../labels/document-labels';
import type { CalendarDocument, CalendarEntry } from '../render/document-model';

export type MeetingBody = 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT';

/** A feed for one body, or for one organisation (the meetings of the bodies it belongs to). */
export type CalendarScope = { readonly body: MeetingBody } | { readonly organizationId: string };

const PAGE = 500;

function allMeetings(meetings: MeetingsQueries, kind: MeetingBody): MeetingView[] {
  const out: MeetingView[] = [];
  let after: { startsAt: string; id: string } | undefined;
  for (;;) {
    const page = meetings.page({ limit: PAGE, after, filter: { kind } });
    out.push(...page);
    if (page.length < PAGE) return out;
    const last = page[page.length - 1]!;
    after = { startsAt: last.startsAt, id: last.id };
  }
}

/** The bodies whose meetings an organisation attends, as its memberships stand on `date`. */
function bodiesOf(readModels: ReadModelDatabase, organizationId: string, date: string): MeetingBody[] {
  const organization = new OrganizationsQueries(readModels).byId(organizationId);
  if (!organization) throw new NotFound('organization', organizationId);
  if (organization.kind === 'SECRETARIAT') return ['PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'];
  const groups = new GroupMembershipQueries(readModels);
  const bodies: MeetingBody[] = [];
  if (groups.isMemberOn('PROJECT_GROUP', organizationId, date)) bodies.push('PROJECT_GROUP');
  if (groups.isMemberOn('REFERENCE_GROUP', organizationId, date)) bodies.push('REFERENCE_GROUP');
  if (bodies.length > 0) bodies.push('JOINT');
  return bodies;
}

/**
 * The meetings of a scope as calendar entries. The agenda's titles are in the description once the
 * agenda is published (a draft only for the secretariat's view), as the read side shows them.
 */
export function meetingCalendar(
  readModels: ReadModelDatabase,
  scope: CalendarScope,
  lang: DocumentLang,
  options: { mayReadDraftAgenda: boolean; onDate: string; meetingUrl: (id: string) => string | null },
): CalendarDocument {
  const t = DOCUMENT_TEXT[lang];
  const meetings = new MeetingsQueries(readModels);
  const agenda = new AgendaQueries(readModels);
  const bodies = 'body' in scope ? [scope.body] : bodiesOf(readModels, scope.organizationId, options.onDate);
  const list = bodies.flatMap((body) => allMeetings(meetings, body)).sort((a, b) => (a.startsAt === b.startsAt ? a.id.localeCompare(b.id) : a.startsAt < b.startsAt ? -1 : 1));
  const entries: CalendarEntry[] = list.map((m) => {
    const showAgenda = m.agendaPublishedAt !== null || options.mayReadDraftAgenda;
    const items = showAgenda ? agenda.items(m.id).filter((i) => i.position !== null) : [];
    const lines = [`${MEETING_KIND_LABELS[m.kind][lang]} · ${MEETING_STATUS_LABELS[m.status][lang]}`];
    if (items.length > 0) lines.push('', `${t.agenda}:`, ...items.map((i, n) => `${n + 1}. ${i.title}`));
    if (m.videoLink) lines.push('', `${t.videoLink}: ${m.videoLink}`);
    if (m.cancelledReason) lines.push('', `${t.cancelled}: ${m.cancelledReason}`);
    return {
      uid: `meeting-${m.id}@kom-platform`,
      sequence: m.revision,
      start: m.startsAt,
      end: m.endsAt,
      summary: m.status === 'CANCELLED' ? `${t.cancelled}: ${m.title}` : m.title,
      description: lines.join('\n'),
      location: m.location,
      url: options.meetingUrl(m.id),
      cancelled: m.status === 'CANCELLED',
    };
  });
  const name = 'body' in scope ? MEETING_KIND_LABELS[scope.body][lang] : new OrganizationsQueries(readModels).byId(scope.organizationId)?.name ?? scope.organizationId;
  return { shape: 'calendar', lang, title: `${t.calendar}: ${name}`, entries };
}
