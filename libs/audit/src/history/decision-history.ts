import type { ActionItemStatus, DecisionStatus, DecisionsQueries } from '@kom/meetings';
import type { AuditTrailQueries, AuditTrailRow } from '../read-models/audit-trail.queries';
import type { DecisionRelations } from './decision-relations.port';

export const DECISION_HISTORY_STEP_KINDS = [
  'ISSUE',
  'MEETING',
  'AGENDA_ITEM',
  'AGENDA_PUBLISHED',
  'ATTENDANCE',
  'DECISION',
  'POSITION',
  'SUPERSESSION',
  'REVOCATION',
  'ACTION_ITEM',
  'MINUTES',
  'AGREEMENT',
] as const;
export type DecisionHistoryStepKind = (typeof DECISION_HISTORY_STEP_KINDS)[number];

export interface DecisionHistoryStep {
  readonly kind: DecisionHistoryStepKind;
  readonly row: AuditTrailRow;
}

export interface DecisionHistory {
  readonly decisionId: string;
  /** The instant it is told as of (ISO 8601), or null for now. */
  readonly asOf: string | null;
  readonly text: string;
  readonly status: DecisionStatus;
  readonly meetingId: string;
  readonly agendaItemId: string;
  readonly supersedes: string | null;
  readonly supersededBy: string | null;
  readonly revokedReason: string | null;
  readonly meeting: { id: string; kind: string; title: string; startsAt: string } | null;
  readonly agendaItem: { id: string; title: string; sourceIssueId: string | null; removed: boolean } | null;
  readonly issue: { id: string; title: string; status: string; organizationId: string } | null;
  readonly attendance: string[];
  readonly positions: Array<{ organizationId: string; position: string; reason: string | null }>;
  readonly actionItems: Array<{ id: string; description: string; responsibleOrganizationId: string; dueDate: string; status: ActionItemStatus }>;
  readonly agreements: Array<{ id: string; title: string; status: string }>;
  /** Every step in log order, each with its audit entry. */
  readonly steps: DecisionHistoryStep[];
}

export interface DecisionHistorySources {
  readonly trail: AuditTrailQueries;
  readonly decisions: DecisionsQueries;
  /** The issue and agreements around the decision (the DECISION_RELATIONS port). */
  readonly relations: DecisionRelations;
  readonly now: () => Date;
}

type Data = Record<string, unknown>;
const dataOf = (row: AuditTrailRow): Data => (JSON.parse(row.data) as Data | null) ?? {};

/**
 * A decision's whole story, from the read models of the contexts that hold its parts (the meetings
 * context's public face; issues and agreements through the DECISION_RELATIONS port) and the audit trail, which gives each step its entry:
 * position, time, actor, correlation, hash. The meeting's own stream gives the meeting, the agenda
 * item, publication, attendance, the decision, positions, supersession or revocation, action items
 * and minutes; the issue's stream the issue that led to it (through the agenda item's
 * `sourceIssueId` or the issues lineage); the streams of the agreements that cite it, the agreements.
 *
 * With `asOf`, the story as it stood then: only the steps that had happened (by occurredAt, the
 * command path's clock), and the decision's text, status, supersession, revocation, positions and
 * action items folded from those steps alone, never from today's read models. Undefined when the
 * decision had not been recorded yet. (The issue as of then is the caller's to add: its stream is
 * folded by the issues context.)
 */
export function decisionHistory(sources: DecisionHistorySources, decisionId: string, asOf?: Date): DecisionHistory | undefined {
  const decision = sources.decisions.byId(decisionId);
  if (!decision) return undefined;
  const until = asOf?.getTime();
  const happened = (row: AuditTrailRow) => until === undefined || Date.parse(row.occurred_at) <= until;
  // What the meeting's own events say of the decision; used as the answer under asOf.
  const told = {
    recorded: false,
    text: decision.text,
    status: 'ACTIVE' as DecisionStatus,
    supersededBy: null as string | null,
    revokedReason: null as string | null,
    positions: new Map<string, { organizationId: string; position: string; reason: string | null }>(),
  };
  const steps: DecisionHistoryStep[] = [];
  const actionItemIds = new Set<string>();
  const actionItems = new Map<string, DecisionHistory['actionItems'][number]>();
  let meeting = null as DecisionHistory['meeting'];
  let agendaItem = null as DecisionHistory['agendaItem'];
  let attendance: string[] = [];

  for (const row of sources.trail.ofAggregate('meeting', decision.meetingId)) {
    if (!happened(row)) continue;
    const d = dataOf(row);
    const step = (kind: DecisionHistoryStepKind) => steps.push({ kind, row });
    switch (row.event_type) {
      case 'MeetingScheduled':
      case 'MeetingRescheduled':
      case 'MeetingCancelled':
        meeting = {
          id: decision.meetingId,
          kind: String(d.kind ?? meeting?.kind ?? ''),
          title: String(d.title ?? meeting?.title ?? ''),
          startsAt: String(d.startsAt ?? meeting?.startsAt ?? ''),
        };
        step('MEETING');
        break;
      case 'AgendaItemAdded':
      case 'AgendaItemUpdated':
      case 'AgendaItemRemoved':
        if (d.itemId !== decision.agendaItemId) break;
        agendaItem = {
          id: decision.agendaItemId,
          title: String(d.title ?? agendaItem?.title ?? ''),
          sourceIssueId: (d.sourceIssueId as string | null | undefined) ?? agendaItem?.sourceIssueId ?? null,
          removed: row.event_type === 'AgendaItemRemoved',
        };
        step('AGENDA_ITEM');
        break;
      case 'AgendaPublished':
        step('AGENDA_PUBLISHED');
        break;
      case 'AttendanceRecorded':
        attendance = [...((d.organizationIds as string[] | undefined) ?? [])].sort();
        step('ATTENDANCE');
        break;
      case 'DecisionRecorded':
        if (d.decisionId !== decisionId) break;
        told.recorded = true;
        told.text = String(d.text);
        step('DECISION');
        break;
      case 'PositionRecorded':
        if (d.decisionId !== decisionId) break;
        told.positions.set(String(d.organizationId), {
          organizationId: String(d.organizationId),
          position: String(d.position),
          reason: (d.reason as string | null | undefined) ?? null,
        });
        step('POSITION');
        break;
      case 'DecisionSuperseded':
        if (d.decisionId !== decisionId) break;
        told.status = 'SUPERSEDED';
        told.supersededBy = String(d.supersededByDecisionId);
        step('SUPERSESSION');
        break;
      case 'DecisionRevoked':
        if (d.decisionId !== decisionId) break;
        told.status = 'REVOKED';
        told.revokedReason = String(d.reason);
        step('REVOCATION');
        break;
      case 'ActionItemAssigned':
        if (d.decisionId !== decisionId) break;
        actionItemIds.add(String(d.actionItemId));
        actionItems.set(String(d.actionItemId), {
          id: String(d.actionItemId),
          description: String(d.description),
          responsibleOrganizationId: String(d.responsibleOrganizationId),
          dueDate: String(d.dueDate),
          status: 'OPEN',
        });
        step('ACTION_ITEM');
        break;
      case 'ActionItemCompleted':
      case 'ActionItemCancelled': {
        const item = actionItems.get(String(d.actionItemId));
        if (!item) break;
        actionItems.set(item.id, { ...item, status: row.event_type === 'ActionItemCompleted' ? 'COMPLETED' : 'CANCELLED' });
        step('ACTION_ITEM');
        break;
      }
      case 'MinutesDrafted':
      case 'MinutesApproved':
        step('MINUTES');
        break;
    }
  }
  if (asOf && !told.recorded) return undefined;
  const supersededBy = asOf ? told.supersededBy : decision.supersededBy;

  // Supersession across meetings: the decision this one replaced (its DecisionSuperseded is on the
  // old meeting's stream), and the one that replaced it (its DecisionRecorded on the new meeting's).
  const related = (otherId: string | null, type: string) => {
    const other = otherId ? sources.decisions.byId(otherId) : undefined;
    if (!other || other.meetingId === decision.meetingId) return;
    for (const row of sources.trail.ofAggregate('meeting', other.meetingId)) {
      if (happened(row) && row.event_type === type && dataOf(row).decisionId === otherId) steps.push({ kind: 'SUPERSESSION', row });
    }
  };
  related(decision.supersedes, 'DecisionSuperseded');
  related(supersededBy, 'DecisionRecorded');
  if (supersededBy) {
    // The replacing decision recorded at this same meeting.
    for (const row of sources.trail.ofAggregate('meeting', decision.meetingId)) {
      if (happened(row) && row.event_type === 'DecisionRecorded' && dataOf(row).decisionId === supersededBy) steps.push({ kind: 'SUPERSESSION', row });
    }
  }

  const issueId = agendaItem?.sourceIssueId ?? sources.relations.issueIdOf(decisionId) ?? null;
  const issueView = issueId ? sources.relations.issue(issueId) : undefined;
  if (issueId) for (const row of sources.trail.ofAggregate('issue', issueId)) if (happened(row)) steps.push({ kind: 'ISSUE', row });

  const now = asOf ?? sources.now();
  const agreements: DecisionHistory['agreements'] = [];
  for (const agreement of sources.relations.agreementsCiting(decisionId, now)) {
    const entries = sources.trail.ofAggregate('agreement', agreement.id).filter(happened);
    if (entries.length === 0) continue; // not drafted yet then
    agreements.push({ id: agreement.id, title: agreement.title, status: agreement.status });
    for (const entry of entries) steps.push({ kind: 'AGREEMENT', row: entry });
  }

  steps.sort((a, b) => a.row.seq - b.row.seq);
  return {
    decisionId,
    asOf: asOf ? asOf.toISOString() : null,
    text: asOf ? told.text : decision.text,
    status: asOf ? told.status : decision.status,
    meetingId: decision.meetingId,
    agendaItemId: decision.agendaItemId,
    supersedes: decision.supersedes,
    supersededBy,
    revokedReason: asOf ? told.revokedReason : decision.revokedReason,
    meeting,
    agendaItem,
    issue: issueView ? { id: issueView.id, title: issueView.title, status: issueView.status, organizationId: issueView.organizationId } : null,
    attendance,
    positions: asOf
      ? [...told.positions.values()].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1))
      : sources.decisions.positions(decisionId).map((p) => ({ organizationId: p.organizationId, position: p.position, reason: p.reason })),
    actionItems: [...actionItems.values()],
    agreements,
    steps: steps.filter((s, i) => i === 0 || s.row.seq !== steps[i - 1]!.row.seq),
  };
}
