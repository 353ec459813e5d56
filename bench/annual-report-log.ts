// Generates a KOM log for the annual-report benchmark: real event types and shapes (each checked
// against its context's schema), over 2025–2027, ending with the 2027 status report published.
// Issues with comments make up most of it, as they do in the log; meetings with agendas,
// decisions, positions and action items, and signed agreements make up the rest.
import type { EventStore, EventToAppend } from '@kom/event-store';
import { DEFAULT_PLAN_ID } from '@kom/kernel';
import { CONTEXTS } from '../apps/api/src/contexts';

const SCHEMAS = new Map(CONTEXTS.flatMap((c) => c.eventSchemas).map((s) => [s.type, s.data]));
/** Written at the current version of each type, as the command path writes them. */
const VERSIONS = new Map(CONTEXTS.flatMap((c) => c.eventSchemas).map((s) => [s.type, s.version]));
const AGENCIES = ['org-udi', 'org-imdi', 'org-nav', 'org-bufdir', 'org-helsedir'];
const NGOS = ['org-rosa', 'org-pro-sentret', 'org-noas', 'org-kirkens-bymisjon'];
const POLICE = ['org-politiet', 'org-oslo-pd', 'org-vest-pd'];
const WORDS = ['identifisering', 'bistand', 'beskyttelse', 'samarbeid', 'rutiner', 'oppfølging', 'tiltak', 'rapport', 'avtale', 'kompetanse', 'veileder', 'botilbud'];
const SECTIONS = ['ROLES_AND_RESPONSIBILITIES', 'CONTACT_POINTS', 'INFORMATION_SHARING_AND_CONFIDENTIALITY', 'VICTIM_ROUTE', 'TERM_AND_REVIEW'];
const START = Date.parse('2025-01-02T08:00:00.000Z');
const END = Date.parse('2027-12-20T08:00:00.000Z');
export const REPORT_YEAR = 2027;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Log {
  readonly random: () => number;
  private clock = START;
  private readonly pending: Array<[string, EventToAppend[]]> = [];
  count = 0;

  constructor(
    private readonly step: number,
    seed = 42,
  ) {
    this.random = rng(seed);
  }

  private idMillisecond = -1;
  private idCounter = 0;

  /**
   * A UUID of version 7, as the platform makes ids (newId): the log's clock in its first 48 bits, a
   * counter within the millisecond, the rest drawn from the seeded generator. The same log, ids
   * included, for the same seed.
   */
  uuid(): string {
    const millisecond = Math.floor(this.clock);
    if (millisecond !== this.idMillisecond) {
      this.idMillisecond = millisecond;
      this.idCounter = 0;
    }
    const counter = this.idCounter++ & 0xfff;
    const hex = Array.from({ length: 16 }, () => Math.floor(this.random() * 16).toString(16)).join('');
    const time = millisecond.toString(16).padStart(12, '0');
    const variant = '89ab'[Math.floor(this.random() * 4)]!;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${hex.slice(0, 3)}-${hex.slice(3, 15)}`;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  text(words: number): string {
    return Array.from({ length: words }, () => this.pick(WORDS)).join(' ');
  }
  /** One or two measures of the default plan, cited as (plan, number) as the current events store them. */
  measures(): Array<{ plan: string; number: number }> {
    const a = 1 + Math.floor(this.random() * 35);
    const b = 1 + Math.floor(this.random() * 35);
    return (a === b ? [a] : [Math.min(a, b), Math.max(a, b)]).map((number) => ({ plan: DEFAULT_PLAN_ID, number }));
  }
  now(): string {
    return new Date(this.clock).toISOString();
  }
  setClock(iso: string): void {
    this.clock = Date.parse(iso);
  }

  stream(streamId: string, events: Array<[string, Record<string, unknown>, string]>): void {
    const appended = events.map(([type, data, organizationId]): EventToAppend => {
      const parsed = SCHEMAS.get(type)?.safeParse(data);
      if (!parsed?.success) throw new Error(`${type} does not match its schema: ${parsed?.error.message ?? 'unknown type'}`);
      this.clock += this.step;
      return { id: this.uuid(), type, data, metadata: { actor: { userId: 'bench', organizationId, role: 'SECRETARIAT' }, correlationId: this.uuid(), occurredAt: new Date(this.clock).toISOString(), schemaVersion: VERSIONS.get(type) } };
    });
    this.count += appended.length;
    this.pending.push([streamId, appended]);
  }

  get pendingStreams(): number {
    return this.pending.length;
  }

  async flush(store: EventStore): Promise<void> {
    await Promise.all(this.pending.splice(0).map(([streamId, events]) => store.appendToStream(streamId, events)));
  }
}

function organizations(log: Log): void {
  for (const [ids, kind] of [[AGENCIES, 'AGENCY'], [NGOS, 'NGO'], [POLICE, 'POLICE']] as const) {
    for (const organizationId of ids) {
      log.stream(`organization-${organizationId}`, [['OrganizationRegistered', { organizationId, name: organizationId.slice(4).toUpperCase(), shortName: null, kind, from: log.now().slice(0, 10) }, 'org-pod']]);
    }
  }
}

function issue(log: Log, n: number): void {
  const issueId = `issue-${n}`;
  const organizationId = log.pick(NGOS);
  const events: Array<[string, Record<string, unknown>, string]> = [
    ['IssueSubmitted', { issueId, organizationId, title: log.text(5), description: log.text(30), category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['FORCED_LABOUR'], citedMeasures: log.measures(), urgency: null, citedIssueIds: [] }, organizationId],
  ];
  for (let c = 0; c < 7; c++) events.push(['IssueCommented', { issueId, commentId: `${issueId}-c${c}`, organizationId: log.pick(AGENCIES), text: log.text(12) }, organizationId]);
  if (log.chance(0.05)) events.push(['ResearchNeedFlagged', { issueId, organizationId, text: log.text(10) }, organizationId]);
  if (log.chance(0.6)) events.push(['IssueClosed', { issueId, reason: log.text(8), meetingId: null, agendaItemId: null }, 'org-pod']);
  log.stream(issueId, events);
}

function meeting(log: Log, n: number): { meetingId: string; decisionId: string; kind: string } {
  const meetingId = `meeting-${n}`;
  const kind = log.pick(['PROJECT_GROUP', 'PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'] as const);
  const startsAt = log.now();
  const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
  const events: Array<[string, Record<string, unknown>, string]> = [
    ['MeetingScheduled', { meetingId, kind, title: `KOM ${kind} ${n}`, startsAt, endsAt, location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' }, 'org-pod'],
  ];
  const items = [0, 1, 2].map((i) => `${meetingId}-a${i}`);
  items.forEach((itemId, position) =>
    events.push(['AgendaItemAdded', { meetingId, itemId, title: log.text(4), description: log.text(20), presentingOrganizationId: log.pick(AGENCIES), citedMeasures: log.measures(), sourceIssueId: null, position, amendment: false }, 'org-pod']),
  );
  events.push(['AgendaPublished', { meetingId, publishedAt: startsAt }, 'org-pod']);
  events.push(['AttendanceRecorded', { meetingId, organizationIds: [...AGENCIES.slice(0, 3), POLICE[0]!] }, 'org-pod']);
  const decisions = [0, 1].map((i) => `${meetingId}-d${i}`);
  decisions.forEach((decisionId, i) => {
    events.push(['DecisionRecorded', { meetingId, decisionId, agendaItemId: items[i]!, text: log.text(25), rationale: log.text(10), citedMeasures: log.measures(), reviewDate: null, supersedes: null }, 'org-pod']);
    for (const organizationId of AGENCIES.slice(0, 2)) {
      const objects = log.chance(0.1);
      events.push(['PositionRecorded', { meetingId, decisionId, organizationId, position: objects ? 'OBJECTS' : 'SUPPORTS', reason: objects ? log.text(6) : null }, organizationId]);
    }
  });
  if (log.chance(0.1)) events.push(['DecisionResearchNeedFlagged', { meetingId, decisionId: decisions[0]!, text: log.text(10) }, 'org-pod']);
  const actionItemId = `${meetingId}-x`;
  const dueDate = new Date(Date.parse(startsAt) + 30 * 86_400_000).toISOString().slice(0, 10);
  events.push(['ActionItemAssigned', { meetingId, actionItemId, decisionId: decisions[0]!, agendaItemId: items[0]!, description: log.text(8), responsibleOrganizationId: log.pick(AGENCIES), dueDate }, 'org-pod']);
  if (log.chance(0.5)) events.push(['ActionItemCompleted', { meetingId, actionItemId, note: null }, 'org-pod']);
  log.stream(meetingId, events);
  return { meetingId, decisionId: decisions[1]!, kind };
}

function agreement(log: Log, n: number): void {
  const agreementId = `a${n}`;
  const police = log.pick(POLICE);
  const ngo = log.pick(NGOS);
  const day = log.now().slice(0, 10);
  const expiresOn = `${Number(day.slice(0, 4)) + 2}${day.slice(4)}`.replace('-02-29', '-02-28');
  log.stream(`agreement-${agreementId}`, [
    ['AgreementDrafted', {
      agreementId, version: 1, createdAt: log.now(), title: `Samarbeidsavtale ${n}`, purpose: log.text(10),
      parties: [{ organizationId: police, name: police, kind: 'POLICE', role: log.text(3), police: true }, { organizationId: ngo, name: ngo, kind: 'NGO', role: log.text(3), police: false }],
      clauses: SECTIONS.map((section) => ({ section, nb: log.text(12), en: null })), effectiveFrom: day, expiresOn, citedDecisionIds: [],
    }, police],
    ['AgreementProposedForSignature', { agreementId, version: 1, proposedAt: log.now() }, police],
    ['AgreementSigned', { agreementId, version: 1, organizationId: police, signedBy: 'bench-police', signedAt: log.now() }, police],
    ['AgreementSigned', { agreementId, version: 1, organizationId: ngo, signedBy: 'bench-ngo', signedAt: log.now() }, ngo],
  ]);
}

function statusReport(log: Log, approval: { meetingId: string; decisionId: string }): void {
  const year = REPORT_YEAR;
  log.setClock(`${year + 1}-02-01T09:00:00.000Z`);
  const counts = () => ({ SEXUAL_EXPLOITATION: Math.floor(log.chance(0.5) ? 30 : 3), FORCED_LABOUR: 12, FORCED_CRIMINALITY: 0, BEGGING: 2, OTHER: 7 });
  log.stream(`status-report-${year}`, [
    ['StatusReportDrafted', { year, edition: 1 }, 'org-pod'],
    ...(['TRENDS', 'CHALLENGES', 'RESEARCH_NEEDS'] as const).map((chapter): [string, Record<string, unknown>, string] => ['StatusReportChapterWritten', { year, edition: 1, chapter, lang: 'nb', text: `${log.text(60)}\n\n- ${log.text(5)}\n- ${log.text(5)}` }, 'org-pod']),
    ...AGENCIES.map((organizationId): [string, Record<string, unknown>, string] => ['StatusReportFiguresRecorded', { year, edition: 1, organizationId, counts: counts() }, organizationId]),
    ['StatusReportApproved', { year, edition: 1, ...approval }, 'org-pod'],
    ['StatusReportPublished', { year, edition: 1 }, 'org-pod'],
  ]);
}

/**
 * Appends about `events` events (a few more, to finish the last stream): of every 100, about 85 on
 * issues, 13 on meetings and 2 on agreements, in time order from 2025 to December 2027.
 */
export async function generateAnnualReportLog(store: EventStore, events: number): Promise<number> {
  const log = new Log((END - START) / events);
  organizations(log);
  let issues = 0;
  let meetings = 0;
  let agreements = 0;
  let approval: { meetingId: string; decisionId: string } | undefined;
  while (log.count < events - 20) {
    const choice = log.chance(0.008) ? 'agreement' : log.chance(0.095) ? 'meeting' : 'issue';
    if (choice === 'issue') issue(log, issues++);
    else if (choice === 'meeting') {
      const { kind, ...held } = meeting(log, meetings++);
      if (kind === 'PROJECT_GROUP' && log.now().startsWith(String(REPORT_YEAR))) approval = held;
    } else agreement(log, agreements++);
    if (log.pendingStreams >= 200) await log.flush(store);
  }
  if (!approval) throw new Error(`no meeting in ${REPORT_YEAR} to approve the report`);
  statusReport(log, approval);
  await log.flush(store);
  return log.count;
}

/** A representative of an organisation (name and e-mail sealed, as the API writes them); some are later erased. */
function representative(log: Log, n: number): void {
  const organizationId = log.pick([...AGENCIES, ...NGOS]);
  const representativeId = `rep-${n}`;
  const sealed = () => Buffer.from(log.text(3)).toString('base64url');
  const events: Array<[string, Record<string, unknown>, string]> = [
    ['RepresentativeAdded', { representativeId, organizationId, details: `v1.${sealed()}.${sealed()}.${sealed()}` }, 'org-pod'],
  ];
  if (log.chance(0.3)) events.push(['PersonalDataErased', { representativeId, organizationId, legalBasis: 'GDPR art. 17' }, 'org-pod']);
  else if (log.chance(0.2)) events.push(['RepresentativeRemoved', { representativeId, organizationId }, 'org-pod']);
  log.stream(`representative-${representativeId}`, events);
}

/** The stream an as-of query folds in the scale benchmark: one issue with `events` events. */
export const LONG_ISSUE_ID = 'issue-long';

function longIssue(log: Log, events: number): void {
  const issueId = LONG_ISSUE_ID;
  const organizationId = NGOS[0]!;
  const stream: Array<[string, Record<string, unknown>, string]> = [
    ['IssueSubmitted', { issueId, organizationId, title: log.text(5), description: log.text(30), category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['FORCED_LABOUR'], citedMeasures: log.measures(), urgency: null, citedIssueIds: [] }, organizationId],
  ];
  for (let c = 1; c < events; c++) stream.push(['IssueCommented', { issueId, commentId: `${issueId}-c${c}`, organizationId: log.pick(AGENCIES), text: log.text(12) }, organizationId]);
  log.stream(issueId, stream);
}

/**
 * A realistic mixed log of about `events` events, the same for the same seed: organisations and their
 * representatives (with erasures), issues with comments, meetings with agendas, decisions, positions
 * and action items, agreements signed by their parties, and one issue of 1,000 events (for as-of
 * folds). Of every 100 events about 83 are on issues, 13 on meetings, 2 on agreements, 1 on
 * representatives.
 */
export async function generateMixedLog(store: EventStore, events: number, seed = 42): Promise<number> {
  const log = new Log((END - START) / events, seed);
  organizations(log);
  longIssue(log, 1000);
  let issues = 0;
  let meetings = 0;
  let agreements = 0;
  let representatives = 0;
  while (log.count < events - 20) {
    const r = log.random();
    if (r < 0.008) agreement(log, agreements++);
    else if (r < 0.018) representative(log, representatives++);
    else if (r < 0.11) meeting(log, meetings++);
    else issue(log, issues++);
    if (log.pendingStreams >= 200) await log.flush(store);
  }
  await log.flush(store);
  return log.count;
}
