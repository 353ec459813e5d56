import { DEFAULT_PLAN_ID, measureRefLabel } from '@kom/kernel';
import { DecisionsQueries, MeetingsQueries, AgendaQueries, DECISION_STATUS_LABELS, MEETING_KIND_LABELS, POSITION_LABELS, type DecisionView } from '@kom/meetings';
import { OrganizationsQueries } from '@kom/organizations';
import type { ReadModelDatabase } from '@kom/projections';
import { DOCUMENT_TEXT, type DocumentLang } from '../labels/document-labels';
import { calendarDate, osloDay } from '../labels/oslo-format';
import type { TableDocument } from '../render/document-model';

/** The register's filters: the same as the web register's. All optional; dates are YYYY-MM-DD (Oslo). */
export interface DecisionRegisterFilter {
  readonly body?: 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT';
  readonly measure?: number;
  /** The plan of `measure` (default 2011-2014). */
  readonly plan?: string;
  readonly organizationId?: string;
  readonly status?: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
  readonly meetingId?: string;
  readonly from?: string;
  readonly to?: string;
}

const PAGE = 500;

/** Every decision matching the filter, oldest first, one row each with its positions and dissent. */
export function decisionRegister(readModels: ReadModelDatabase, filter: DecisionRegisterFilter, lang: DocumentLang): TableDocument {
  const t = DOCUMENT_TEXT[lang];
  const decisions = new DecisionsQueries(readModels);
  const meetings = new MeetingsQueries(readModels);
  const agenda = new AgendaQueries(readModels);
  const organizations = new OrganizationsQueries(readModels);
  const orgName = (id: string) => organizations.byId(id)?.name ?? id;

  const all: DecisionView[] = [];
  let after: { recordedAt: string; id: string } | undefined;
  for (;;) {
    const page = decisions.page({
      limit: PAGE,
      after,
      filter: { kind: filter.body ?? null, measure: filter.measure ?? null, plan: filter.plan ?? null, organizationId: filter.organizationId ?? null, status: filter.status ?? null },
    });
    all.push(...page);
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    after = { recordedAt: last.recordedAt ?? '', id: last.id };
  }

  const rows = all
    .filter((d) => !filter.meetingId || d.meetingId === filter.meetingId)
    .filter((d) => {
      const day = d.recordedAt ? osloDay(d.recordedAt, 'en') : '';
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    })
    .map((d) => {
      const meeting = meetings.byId(d.meetingId);
      const item = agenda.item(d.meetingId, d.agendaItemId);
      const positions = decisions.positions(d.id);
      const dissent = positions.filter((p) => p.position === 'OBJECTS');
      return [
        d.id,
        d.recordedAt ? osloDay(d.recordedAt, lang) : '',
        meeting?.title ?? d.meetingId,
        meeting ? osloDay(meeting.startsAt, lang) : '',
        meeting ? MEETING_KIND_LABELS[meeting.kind][lang] : '',
        item?.title ?? d.agendaItemId,
        d.text,
        d.rationale,
        // Numbers alone (the 2011–2014 plan) are spaced as always; another plan's carry their period, so commas part them.
        d.citedMeasures.map(measureRefLabel).join(d.citedMeasures.every((m) => m.plan === DEFAULT_PLAN_ID) ? ' ' : ', '),
        DECISION_STATUS_LABELS[d.status][lang],
        positions.map((p) => `${orgName(p.organizationId)}: ${POSITION_LABELS[p.position][lang]}${p.reason ? ` (${p.reason})` : ''}`).join('; '),
        dissent.map((p) => `${orgName(p.organizationId)}: ${p.reason ?? ''}`).join('; '),
        d.reviewDate ? calendarDate(d.reviewDate, lang) : '',
        d.supersedes ?? '',
        d.supersededBy ?? '',
        d.revokedReason ?? '',
      ];
    });

  return {
    shape: 'table',
    lang,
    title: t.decisionRegister,
    columns: [
      t.decisionId,
      t.recorded,
      t.meetingTitle,
      t.meetingDate,
      t.body,
      t.agendaItem,
      t.text,
      t.rationale,
      t.citedMeasures,
      t.status,
      t.positions,
      t.dissent,
      t.reviewDate,
      t.supersedes,
      t.supersededBy,
      t.revokedReason,
    ],
    rows,
  };
}
