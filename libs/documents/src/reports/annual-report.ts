import { Forbidden, InvalidInput, measureRefLabel, osloDate, type MeasureCitationRef } from '@kom/kernel';
import { AttendanceQueries, ActionItemsQueries, DecisionsQueries, MeetingsQueries, type MeetingView } from '@kom/meetings';
import { OrganizationsQueries } from '@kom/organizations';
import type { Clock } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { FIGURE_CATEGORIES, cellText, mayReadDrafts, statusReportReads, suppressSmallNumbers, type ChapterView, type EditionView } from '@kom/status-reports';
import type { DocumentLang } from '../labels/document-labels';
import type { Block, TextDocument } from '../render/document-model';
import { ANNUAL_REPORT_TEXT } from './annual-report-labels';
import type { ReportSources } from './report-sources.port';

export interface AnnualReportRequest {
  readonly year: number;
  readonly edition?: number;
}

const PAGE = 500;
const BODIES = ['PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'] as const;

/** The edition asked for, or the newest this audience may read; drafts only for who may read them. */
export function reportEdition(readModels: ReadModelDatabase, request: AnnualReportRequest, role: string): EditionView {
  const drafts = mayReadDrafts(role);
  const editions = statusReportReads.editions(readModels.db, request.year).filter((e) => drafts || e.status === 'PUBLISHED');
  const edition = request.edition === undefined ? editions[editions.length - 1] : editions.find((e) => e.edition === request.edition);
  if (edition) return edition;
  const exists = request.edition === undefined ? statusReportReads.editions(readModels.db, request.year).length > 0 : !!statusReportReads.edition(readModels.db, request.year, request.edition);
  if (exists) throw new Forbidden('REPORT_NOT_PUBLISHED', 'this edition is not published yet: drafts are for the secretariat and agency members');
  throw new InvalidInput('REPORT_NOT_FOUND', `no status report${request.edition ? ` edition ${request.edition}` : ''} for ${request.year}`);
}

/** Paragraphs separated by a blank line; a paragraph of "- " lines is a list. */
function textBlocks(text: string): Block[] {
  return text.split(/\n{2,}/).map((p): Block => {
    const lines = p.split('\n');
    return lines.every((l) => l.startsWith('- ')) ? { kind: 'list', items: lines.map((l) => l.slice(2).trim()) } : { kind: 'paragraph', text: p };
  });
}

function chapterBlocks(chapters: readonly ChapterView[], chapter: string, lang: DocumentLang, extra: Block[]): Block[] {
  const t = ANNUAL_REPORT_TEXT[lang];
  const own = chapters.find((c) => c.chapter === chapter && c.lang === lang);
  const other = chapters.find((c) => c.chapter === chapter && c.lang !== lang);
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: t.chapters[chapter]! }];
  if (own) blocks.push(...textBlocks(own.text));
  if (other) blocks.push({ kind: 'heading', level: 3, text: `${t.chapters[chapter]!} (${t.otherLanguage})` }, ...textBlocks(other.text));
  if (!own && !other && extra.length === 0) blocks.push({ kind: 'paragraph', text: t.notWritten });
  return [...blocks, ...extra];
}

function heldMeetings(readModels: ReadModelDatabase, year: number): MeetingView[] {
  const meetings = new MeetingsQueries(readModels);
  const out: MeetingView[] = [];
  let after: { startsAt: string; id: string } | undefined;
  // A day's margin each side: the Oslo calendar year is decided per meeting below.
  for (;;) {
    const page = meetings.page({ limit: PAGE, after, filter: { status: 'HELD', from: `${year - 1}-12-31`, to: `${year + 1}-01-02` } });
    out.push(...page.filter((m) => osloDate(m.startsAt).startsWith(`${year}-`)));
    if (page.length < PAGE) return out;
    const last = page[page.length - 1]!;
    after = { startsAt: last.startsAt, id: last.id };
  }
}

const countRows = (map: Map<string, number[]>, label: (key: string) => string): string[][] =>
  [...map.entries()].sort(([a], [b]) => label(a).localeCompare(label(b), 'nb')).map(([key, counts]) => [label(key), ...counts.map(String)]);

/** What the year's issues and decisions were flagged as pointing to, beside the secretariat's text. */
function researchNeedBlocks(readModels: ReadModelDatabase, sources: ReportSources, year: number, lang: DocumentLang): Block[] {
  const t = ANNUAL_REPORT_TEXT[lang];
  const meetings = new MeetingsQueries(readModels);
  const measures = (list: readonly MeasureCitationRef[]) => list.map(measureRefLabel).join(', ') || t.noMeasure;
  const rows = [
    ...sources.researchNeeds(readModels, year).map((i) => [t.flaggedIssue(i.title), measures(i.citedMeasures), i.text]),
    ...new DecisionsQueries(readModels).researchNeeds(year).map((d) => {
      const meeting = meetings.byId(d.meetingId);
      return [t.flaggedDecision(meeting ? `${meeting.title}, ${osloDate(meeting.startsAt)}` : d.meetingId), measures(d.citedMeasures), d.researchNeed ?? ''];
    }),
  ];
  if (rows.length === 0) return [];
  return [{ kind: 'table', caption: t.flaggedCaption(year), columns: [t.flaggedFrom, t.measure, t.researchNeed], rows }];
}

/** The annual status report as a text document: the secretariat's chapters and the figures compiled from the log. */
export function annualReport(readModels: ReadModelDatabase, request: AnnualReportRequest, lang: DocumentLang, audienceRole: string, sources: ReportSources, at: Date, onDate: string): TextDocument {
  const t = ANNUAL_REPORT_TEXT[lang];
  const edition = reportEdition(readModels, request, audienceRole);
  const { year } = edition;
  const organizations = new OrganizationsQueries(readModels);
  const orgName = (id: string) => organizations.byId(id)?.name ?? id;
  const chapters = statusReportReads.chapters(readModels.db, year, edition.edition);
  const blocks: Block[] = [];

  const facts: Array<readonly [string, string]> = [];
  if (edition.decisionId) facts.push([t.approvedBy, edition.decisionId]);
  if (edition.correctionNote) facts.push([`${t.correction}`, edition.correctionNote]);
  if (facts.length) blocks.push({ kind: 'facts', items: facts });

  blocks.push(...chapterBlocks(chapters, 'TRENDS', lang, []));

  // Figures: agencies (rows) by form of exploitation, small numbers suppressed.
  const figures = statusReportReads.figures(readModels.db, year, edition.edition);
  const byOrg = new Map<string, number[]>();
  for (const f of figures) {
    const row = byOrg.get(f.organizationId) ?? FIGURE_CATEGORIES.map(() => 0);
    row[FIGURE_CATEGORIES.indexOf(f.category)] = f.count;
    byOrg.set(f.organizationId, row);
  }
  blocks.push({ kind: 'heading', level: 2, text: t.figures });
  if (byOrg.size === 0) blocks.push({ kind: 'paragraph', text: t.noFigures });
  else {
    const orgs = [...byOrg.keys()].sort((a, b) => orgName(a).localeCompare(orgName(b), 'nb'));
    const table = suppressSmallNumbers(orgs.map((o) => byOrg.get(o)!));
    blocks.push({
      kind: 'table',
      caption: t.figuresCaption(year),
      columns: [t.organisation, ...FIGURE_CATEGORIES.map((c) => t.categories[c]!), t.total],
      rows: [
        ...orgs.map((o, r) => [orgName(o), ...table.cells[r]!.map(cellText), cellText(table.rowTotals[r]!)]),
        [t.total, ...table.columnTotals.map(cellText), cellText(table.grandTotal)],
      ],
    });
  }

  blocks.push(...chapterBlocks(chapters, 'CHALLENGES', lang, []));

  // Meetings and attendance.
  const held = heldMeetings(readModels, year);
  const attendance = new AttendanceQueries(readModels);
  const decisions = new DecisionsQueries(readModels);
  const actionItems = new ActionItemsQueries(readModels, { now: () => at } satisfies Clock);
  const attended = new Map<string, number[]>();
  const byMeasure = new Map<string, number[]>();
  const actions = new Map<string, number[]>();
  for (const meeting of held) {
    for (const a of attendance.byMeeting(meeting.id)) attended.set(a.organizationId, [(attended.get(a.organizationId)?.[0] ?? 0) + 1]);
    for (const d of decisions.byMeeting(meeting.id)) {
      const dissent = decisions.positions(d.id).some((p) => p.position === 'OBJECTS') ? 1 : 0;
      for (const m of d.citedMeasures.length ? d.citedMeasures.map(measureRefLabel) : ['']) {
        const row = byMeasure.get(m) ?? [0, 0];
        byMeasure.set(m, [row[0]! + 1, row[1]! + dissent]);
      }
    }
    for (const item of actionItems.byMeeting(meeting.id)) {
      if (item.status === 'CANCELLED') continue;
      const row = actions.get(item.responsibleOrganizationId) ?? [0, 0, 0];
      const i = item.status === 'COMPLETED' ? 0 : item.dueDate < onDate ? 1 : 2;
      row[i] = row[i]! + 1;
      actions.set(item.responsibleOrganizationId, row);
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: t.meetings });
  blocks.push({ kind: 'table', caption: t.meetingsCaption, columns: [t.body, t.held], rows: BODIES.map((b) => [t.bodies[b]!, String(held.filter((m) => m.kind === b).length)]) });
  if (attended.size) blocks.push({ kind: 'table', caption: t.attendanceCaption, columns: [t.organisation, t.attended], rows: countRows(attended, orgName) });

  // The measures under their plan: every plan whose period covers the year, each with its own numbers.
  const plans = sources.planMeasures(readModels, year);
  blocks.push({ kind: 'heading', level: 2, text: t.plans });
  if (plans.length === 0) blocks.push({ kind: 'paragraph', text: t.noPlans });
  for (const plan of plans) {
    blocks.push({
      kind: 'table',
      caption: t.plansCaption(lang === 'en' ? plan.titleEn : plan.titleNb, year),
      columns: [t.measure, t.statusIn(year)],
      rows: plan.measures.map((m) => [`${m.number}. ${lang === 'en' ? m.titleEn : m.titleNb}`, m.status ? (t.measureStatus[m.status] ?? m.status) : t.noStatus]),
    });
  }

  const issues = sources.issueOutcomes(readModels, year);
  blocks.push({ kind: 'heading', level: 2, text: t.issues });
  if (issues.length === 0) blocks.push({ kind: 'paragraph', text: t.none });
  else
    blocks.push({
      kind: 'table',
      caption: t.issuesCaption,
      columns: [t.measure, ...t.issueColumns],
      rows: issues.map((i) => [i.measure === null ? t.noMeasure : measureRefLabel(i.measure), ...[i.raised, i.forwarded, i.resolved, i.closed, i.withdrawn, i.open].map(String)]),
    });

  blocks.push({ kind: 'heading', level: 2, text: t.decisions });
  const measureLabel = (m: string) => (m === '' ? t.noMeasure : m);
  if (byMeasure.size === 0) blocks.push({ kind: 'paragraph', text: t.none });
  else {
    const rows = [...byMeasure.entries()].sort(([a], [b]) => (Number(a) || 999) - (Number(b) || 999)).map(([m, c]) => [measureLabel(m), ...c.map(String)]);
    blocks.push({ kind: 'table', caption: t.decisionsCaption, columns: [t.measure, ...t.decisionColumns], rows });
  }

  blocks.push({ kind: 'heading', level: 2, text: t.actions });
  if (actions.size === 0) blocks.push({ kind: 'paragraph', text: t.none });
  else blocks.push({ kind: 'table', caption: t.actionsCaption, columns: [t.organisation, ...t.actionColumns], rows: countRows(actions, orgName) });

  const agreements = sources.agreements(readModels, year, at);
  blocks.push({ kind: 'heading', level: 2, text: t.agreements });
  if (agreements.length === 0) blocks.push({ kind: 'paragraph', text: t.none });
  else
    blocks.push({
      kind: 'table',
      caption: t.agreementsCaption,
      columns: [t.policeParty, ...t.agreementColumns],
      rows: agreements.map((a) => [orgName(a.policeOrganizationId), ...[a.inForce, a.signed, a.renewed, a.terminated].map(String)]),
    });

  blocks.push(...chapterBlocks(chapters, 'RESEARCH_NEEDS', lang, researchNeedBlocks(readModels, sources, year, lang)));

  return { shape: 'text', lang, title: t.title(year), subtitle: t.subtitle(edition.edition, t.status[edition.status]!), blocks };
}
