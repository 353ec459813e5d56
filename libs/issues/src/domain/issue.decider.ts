import {
  checkedMeasureRefs,
  sameMeasureRefs,
  type MeasureCitationRef,
  Forbidden,
  InvalidInput,
  InvalidState,
  NotFound,
  assertNever,
  input,
  parseInput,
  type Actor,
  type DecisionContext,
  type Decider,
} from '@kom/kernel';
import { z } from 'zod';
import type { IssueCommand, IssueContent } from './issue.commands';
import {
  EXPLOITATION_FORMS,
  ISSUE_CATEGORIES,
  MAX_COMMENT,
  MAX_DESCRIPTION,
  MAX_REASON,
  MAX_RESEARCH_NEED,
  MAX_TITLE,
  type AgendaBody,
  type ExploitationForm,
  type IssueCategory,
  type IssueEvent,
  type IssueStatus,
} from './issue.events';

/*
 * The Issue aggregate: one stream per issue (`issue-<issueId>`).
 *
 *   SUBMITTED → ON_REFERENCE_AGENDA → FORWARDED → ON_PROJECT_AGENDA → RESOLVED
 *   WITHDRAWN (by the submitter, until forwarded); CLOSED (by the secretariat, any open status)
 *
 * Rules (each checked by a spec beside this file; the reason keys are stable):
 * - Only an NGO representative submits, edits and withdraws (NGO_REPRESENTATIVE_ONLY), and only
 *   for their own organisation (NOT_OWN_ORGANIZATION), which must be a current member of the
 *   reference group (NOT_A_REFERENCE_GROUP_MEMBER).
 * - Edit and withdraw only until forwarded (ISSUE_ALREADY_FORWARDED).
 * - Placing, forwarding, resolving and closing are the secretariat's (SECRETARIAT_ONLY; reactors
 *   act with the actor of the event that triggered them, or as SYSTEM).
 * - A reference-group meeting takes SUBMITTED issues (or ones already on an earlier reference
 *   agenda); a project-group or joint meeting takes FORWARDED ones (ISSUE_ALREADY_FORWARDED,
 *   ISSUE_NOT_FORWARDED). Forwarding needs the issue on a reference-group agenda, resolving on a
 *   project-group or joint agenda, at the meeting whose decision it is (ISSUE_NOT_ON_THAT_AGENDA).
 * - RESOLVED, WITHDRAWN and CLOSED are final (ISSUE_RESOLVED, ISSUE_WITHDRAWN, ISSUE_CLOSED):
 *   a resolved issue is never reopened; a new issue may cite it.
 * - Any member organisation comments on an open issue (NOT_A_MEMBER_ORGANIZATION; auditors
 *   only read: READ_ONLY_ROLE).
 * - The submitting organisation's NGO representatives or the secretariat flag an issue, in any
 *   status, as pointing to a research need (RESEARCH_NEED_REQUIRED, RESEARCH_NEED_TOO_LONG); the
 *   same text again changes nothing.
 * - Free text holding a valid national identity number is refused on the command path (PERSONAL_DATA_REFUSED), before this runs.
 * - The secretariat marks an open issue a duplicate of another (MarkIssueDuplicate): not of itself
 *   (ISSUE_DUPLICATE_OF_ITSELF), of an issue that exists (DUPLICATE_ORIGINAL_NOT_FOUND), is not
 *   itself a duplicate (ORIGINAL_IS_A_DUPLICATE) and is not withdrawn or closed (ORIGINAL_CLOSED; a
 *   resolved original is fine: its outcome answers the duplicate too), with a reason. The duplicate
 *   is closed pointing to it (IssueMarkedDuplicate, then IssueClosed); the same mark again changes nothing.
 * - Commands a reactor sends are idempotent: the same agenda item or decision again changes nothing.
 */

export interface Placement {
  readonly meetingId: string;
  readonly agendaItemId: string;
  readonly body: AgendaBody;
}

export interface Issue {
  readonly status: IssueStatus;
  readonly issueId: string;
  readonly organizationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: IssueCategory;
  readonly tags: readonly ExploitationForm[];
  readonly citedMeasures: readonly MeasureCitationRef[];
  readonly urgency: { readonly reason: string } | null;
  readonly citedIssueIds: readonly string[];
  /** The agenda it is on now (ON_*_AGENDA), else null. */
  readonly onAgenda: Placement | null;
  /** Every agenda item ever made from it, removed ones included. */
  readonly agendaItemIds: readonly string[];
  readonly forwardedBy: string | null;
  readonly resolvedBy: string | null;
  readonly commentIds: readonly string[];
  /** The research need it points to, if flagged. */
  readonly researchNeed: string | null;
  /** The issue it was found to duplicate (then it is CLOSED). */
  readonly duplicateOf: string | null;
}

export type IssueState = { readonly status: 'none' } | Issue;

export const initialState: IssueState = { status: 'none' };

export const issueStream = (issueId: string) => `issue-${issueId}`;

export const MAX_CITED_ISSUES = 20;
const FINAL: Partial<Record<IssueStatus, string>> = {
  RESOLVED: 'ISSUE_RESOLVED',
  WITHDRAWN: 'ISSUE_WITHDRAWN',
  CLOSED: 'ISSUE_CLOSED',
};

// ---------------------------------------------------------------------------------------------
// evolve

export function evolve(state: IssueState, event: IssueEvent): IssueState {
  if (event.type === 'IssueSubmitted') {
    const d = event.data;
    return {
      status: 'SUBMITTED',
      issueId: d.issueId,
      organizationId: d.organizationId,
      title: d.title,
      description: d.description,
      category: d.category,
      tags: d.tags,
      citedMeasures: d.citedMeasures,
      urgency: d.urgency,
      citedIssueIds: d.citedIssueIds,
      onAgenda: null,
      agendaItemIds: [],
      forwardedBy: null,
      resolvedBy: null,
      commentIds: [],
      researchNeed: null,
      duplicateOf: null,
    };
  }
  if (state.status === 'none') return state;
  const s = state;
  switch (event.type) {
    case 'IssueEdited': {
      const { title, description, category, tags, citedMeasures, urgency } = event.data;
      return { ...s, title, description, category, tags, citedMeasures, urgency };
    }
    case 'IssueWithdrawn':
      return { ...s, status: 'WITHDRAWN', onAgenda: null };
    case 'IssueCommented':
      return { ...s, commentIds: [...s.commentIds, event.data.commentId] };
    case 'IssuePlacedOnAgenda': {
      const { meetingId, agendaItemId, body } = event.data;
      return {
        ...s,
        status: body === 'REFERENCE_GROUP' ? 'ON_REFERENCE_AGENDA' : 'ON_PROJECT_AGENDA',
        onAgenda: { meetingId, agendaItemId, body },
        agendaItemIds: [...s.agendaItemIds, agendaItemId],
      };
    }
    case 'IssueRemovedFromAgenda':
      return { ...s, status: s.status === 'ON_PROJECT_AGENDA' ? 'FORWARDED' : 'SUBMITTED', onAgenda: null };
    case 'IssueForwarded':
      return { ...s, status: 'FORWARDED', onAgenda: null, forwardedBy: event.data.decisionId };
    case 'IssueResolved':
      return { ...s, status: 'RESOLVED', onAgenda: null, resolvedBy: event.data.decisionId };
    case 'IssueClosed':
      return { ...s, status: 'CLOSED', onAgenda: null };
    case 'ResearchNeedFlagged':
      return { ...s, researchNeed: event.data.text };
    case 'IssueMarkedDuplicate':
      return { ...s, duplicateOf: event.data.duplicateOfIssueId };
    default:
      return assertNever(event);
  }
}

// ---------------------------------------------------------------------------------------------
// decide

type Cmd<T extends IssueCommand['type']> = Extract<IssueCommand, { type: T }>;

export function decide(command: IssueCommand, state: IssueState, { actor }: DecisionContext): IssueEvent[] {
  switch (command.type) {
    case 'SubmitIssue':
      return submit(command, state, actor);
    case 'EditIssue':
      return edit(command, untilForwarded(bySubmitter(existing(state, command.issueId), actor)));
    case 'WithdrawIssue':
      return withdraw(command, untilForwarded(bySubmitter(existing(state, command.issueId), actor)));
    case 'CommentOnIssue':
      return comment(command, existing(state, command.issueId), actor);
    case 'PlaceIssueOnAgenda':
      return place(command, existing(state, command.issueId), actor);
    case 'RemoveIssueFromAgenda':
      return removeFromAgenda(command, existing(state, command.issueId), actor);
    case 'ForwardIssue':
      return forward(command, existing(state, command.issueId), actor);
    case 'ResolveIssue':
      return resolve(command, existing(state, command.issueId), actor);
    case 'CloseIssue':
      return close(command, existing(state, command.issueId), actor);
    case 'FlagResearchNeed':
      return flagResearchNeed(command, existing(state, command.issueId), actor);
    case 'MarkIssueDuplicate':
      return markDuplicate(command, existing(state, command.issueId), actor);
    default:
      return assertNever(command);
  }
}

function submit(c: Cmd<'SubmitIssue'>, state: IssueState, actor: Actor): IssueEvent[] {
  requireNgoRepresentative(actor);
  if (c.organizationId !== actor.organizationId) {
    throw new Forbidden('NOT_OWN_ORGANIZATION', 'An NGO representative submits issues only for their own organisation');
  }
  if (!c.referenceGroupMember) {
    throw new Forbidden('NOT_A_REFERENCE_GROUP_MEMBER', 'Only organisations that are members of the reference group submit issues');
  }
  if (state.status !== 'none') throw new InvalidState('ISSUE_ALREADY_EXISTS', `Issue ${c.issueId} already exists`);
  requireId(c.issueId, 'issueId');
  const citedIssueIds = [...new Set(c.citedIssueIds ?? [])];
  if (citedIssueIds.length > MAX_CITED_ISSUES) throw new InvalidInput('TOO_MANY_CITED_ISSUES', `At most ${MAX_CITED_ISSUES} cited issues`);
  citedIssueIds.forEach((id) => requireId(id, 'citedIssueIds'));
  if (citedIssueIds.includes(c.issueId)) throw new InvalidInput('ISSUE_CITES_ITSELF', 'An issue cannot cite itself');
  const unknown = citedIssueIds.filter((id) => !(c.existingCitedIssueIds ?? []).includes(id));
  if (unknown.length > 0) throw new InvalidInput('CITED_ISSUE_NOT_FOUND', `KOM has no issue ${unknown.join(', ')}`);
  const representativeId = c.representative?.organizationId === c.organizationId ? c.representative.representativeId : undefined;
  return [
    { type: 'IssueSubmitted', data: { issueId: c.issueId, organizationId: c.organizationId, ...content(c), citedIssueIds, ...(representativeId ? { representativeId } : {}) } },
  ];
}

function edit(c: Cmd<'EditIssue'>, s: Issue): IssueEvent[] {
  const next = content(c);
  const same =
    next.title === s.title &&
    next.description === s.description &&
    next.category === s.category &&
    sameList(next.tags, s.tags) &&
    sameMeasureRefs(next.citedMeasures, s.citedMeasures) &&
    (next.urgency?.reason ?? null) === (s.urgency?.reason ?? null);
  return same ? [] : [{ type: 'IssueEdited', data: { issueId: s.issueId, ...next } }];
}

function withdraw(c: Cmd<'WithdrawIssue'>, s: Issue): IssueEvent[] {
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED', 'REASON_TOO_LONG');
  return [{ type: 'IssueWithdrawn', data: { issueId: s.issueId, reason } }];
}

function comment(c: Cmd<'CommentOnIssue'>, s: Issue, actor: Actor): IssueEvent[] {
  if (actor.role === 'AUDITOR') throw new Forbidden('READ_ONLY_ROLE', 'Auditors read; they do not comment');
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM' && !c.memberOrganization) {
    throw new Forbidden('NOT_A_MEMBER_ORGANIZATION', 'Only member organisations of KOM comment on issues');
  }
  open(s);
  requireId(c.commentId, 'commentId');
  if (s.commentIds.includes(c.commentId)) return [];
  const text = requiredText(c.text, MAX_COMMENT, 'text', 'COMMENT_REQUIRED', 'COMMENT_TOO_LONG');
  return [{ type: 'IssueCommented', data: { issueId: s.issueId, commentId: c.commentId, organizationId: actor.organizationId, text } }];
}

function place(c: Cmd<'PlaceIssueOnAgenda'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  if (s.agendaItemIds.includes(c.agendaItemId)) return []; // already recorded (a reactor's re-run)
  open(s);
  requireId(c.meetingId, 'meetingId');
  requireId(c.agendaItemId, 'agendaItemId');
  if (c.body === 'REFERENCE_GROUP') {
    if (s.status !== 'SUBMITTED' && s.status !== 'ON_REFERENCE_AGENDA') {
      throw new InvalidState('ISSUE_ALREADY_FORWARDED', 'A forwarded issue goes before the project group, not the reference group');
    }
  } else if (s.status !== 'FORWARDED' && s.status !== 'ON_PROJECT_AGENDA') {
    throw new InvalidState('ISSUE_NOT_FORWARDED', 'Only an issue the reference group forwarded goes before the project group');
  }
  return [{ type: 'IssuePlacedOnAgenda', data: { issueId: s.issueId, meetingId: c.meetingId, agendaItemId: c.agendaItemId, body: c.body } }];
}

function removeFromAgenda(c: Cmd<'RemoveIssueFromAgenda'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  // Only the agenda it is on now: an older placement's removal changes nothing.
  if (s.onAgenda === null || s.onAgenda.agendaItemId !== c.agendaItemId) return [];
  return [{ type: 'IssueRemovedFromAgenda', data: { issueId: s.issueId, meetingId: s.onAgenda.meetingId, agendaItemId: c.agendaItemId } }];
}

function forward(c: Cmd<'ForwardIssue'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  if (s.forwardedBy === c.decisionId) return [];
  open(s);
  if (s.status !== 'ON_REFERENCE_AGENDA') {
    throw new InvalidState(
      s.status === 'SUBMITTED' ? 'ISSUE_NOT_ON_AGENDA' : 'ISSUE_ALREADY_FORWARDED',
      'The reference group forwards an issue that is on its agenda',
    );
  }
  onThatAgenda(s, c);
  return [{ type: 'IssueForwarded', data: { issueId: s.issueId, meetingId: c.meetingId, agendaItemId: c.agendaItemId, decisionId: c.decisionId } }];
}

function resolve(c: Cmd<'ResolveIssue'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  if (s.resolvedBy === c.decisionId) return [];
  open(s);
  if (s.status !== 'ON_PROJECT_AGENDA') {
    throw new InvalidState('ISSUE_NOT_ON_PROJECT_AGENDA', 'An issue is resolved by a decision at a project-group or joint meeting whose agenda it is on');
  }
  onThatAgenda(s, c);
  return [{ type: 'IssueResolved', data: { issueId: s.issueId, meetingId: c.meetingId, agendaItemId: c.agendaItemId, decisionId: c.decisionId } }];
}

function close(c: Cmd<'CloseIssue'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  open(s);
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED', 'REASON_TOO_LONG');
  return [
    {
      type: 'IssueClosed',
      data: { issueId: s.issueId, reason, meetingId: s.onAgenda?.meetingId ?? null, agendaItemId: s.onAgenda?.agendaItemId ?? null },
    },
  ];
}

function markDuplicate(c: Cmd<'MarkIssueDuplicate'>, s: Issue, actor: Actor): IssueEvent[] {
  requireSecretariat(actor);
  if (s.duplicateOf !== null && s.duplicateOf === c.duplicateOfIssueId) return []; // already so
  requireId(c.duplicateOfIssueId, 'duplicateOfIssueId');
  if (c.duplicateOfIssueId === s.issueId) {
    throw new InvalidInput('ISSUE_DUPLICATE_OF_ITSELF', 'An issue is not a duplicate of itself', 'duplicateOfIssueId');
  }
  open(s);
  if (c.original === null) throw new InvalidInput('DUPLICATE_ORIGINAL_NOT_FOUND', `KOM has no issue ${c.duplicateOfIssueId}`, 'duplicateOfIssueId');
  if (c.original.duplicateOfIssueId !== null) {
    throw new InvalidInput('ORIGINAL_IS_A_DUPLICATE', `Issue ${c.duplicateOfIssueId} is itself a duplicate of ${c.original.duplicateOfIssueId}; mark it a duplicate of that one`, 'duplicateOfIssueId');
  }
  if (c.original.status === 'WITHDRAWN' || c.original.status === 'CLOSED') {
    throw new InvalidInput('ORIGINAL_CLOSED', `Issue ${c.duplicateOfIssueId} is ${c.original.status.toLowerCase()}; a duplicate points to an issue that goes on`, 'duplicateOfIssueId');
  }
  const reason = requiredText(c.reason, MAX_REASON, 'reason', 'REASON_REQUIRED', 'REASON_TOO_LONG');
  return [
    { type: 'IssueMarkedDuplicate', data: { issueId: s.issueId, duplicateOfIssueId: c.duplicateOfIssueId } },
    {
      type: 'IssueClosed',
      data: { issueId: s.issueId, reason, meetingId: s.onAgenda?.meetingId ?? null, agendaItemId: s.onAgenda?.agendaItemId ?? null },
    },
  ];
}

function flagResearchNeed(c: Cmd<'FlagResearchNeed'>, s: Issue, actor: Actor): IssueEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    if (actor.role !== 'NGO_REPRESENTATIVE') throw new Forbidden('SUBMITTER_OR_SECRETARIAT_ONLY', 'The submitting organisation or the secretariat flags a research need');
    if (actor.organizationId !== s.organizationId) throw new Forbidden('NOT_OWN_ORGANIZATION', "An NGO representative flags only their own organisation's issues");
  }
  const text = requiredText(c.text, MAX_RESEARCH_NEED, 'text', 'RESEARCH_NEED_REQUIRED', 'RESEARCH_NEED_TOO_LONG');
  // A national identity number in the text is refused on the command path, before this runs.
  if (text === s.researchNeed) return [];
  return [{ type: 'ResearchNeedFlagged', data: { issueId: s.issueId, organizationId: actor.organizationId, text } }];
}

// --- helpers -----------------------------------------------------------------------------------

function existing(state: IssueState, issueId: string): Issue {
  if (state.status === 'none') throw new NotFound('issue', issueId);
  return state;
}

/** Not RESOLVED, WITHDRAWN or CLOSED. */
function open(s: Issue): Issue {
  const reason = FINAL[s.status];
  if (reason) throw new InvalidState(reason, `The issue is ${s.status.toLowerCase()}; nothing more happens to it`);
  return s;
}

function untilForwarded(s: Issue): Issue {
  open(s);
  if (s.status === 'FORWARDED' || s.status === 'ON_PROJECT_AGENDA') {
    throw new InvalidState('ISSUE_ALREADY_FORWARDED', 'The submitter edits or withdraws an issue only until it is forwarded');
  }
  return s;
}

function bySubmitter(s: Issue, actor: Actor): Issue {
  requireNgoRepresentative(actor);
  if (actor.organizationId !== s.organizationId) {
    throw new Forbidden('NOT_OWN_ORGANIZATION', "An NGO representative acts only on their own organisation's issues");
  }
  return s;
}

function onThatAgenda(s: Issue, c: { meetingId: string; agendaItemId: string }): void {
  if (s.onAgenda === null || s.onAgenda.meetingId !== c.meetingId || s.onAgenda.agendaItemId !== c.agendaItemId) {
    throw new InvalidState('ISSUE_NOT_ON_THAT_AGENDA', 'The decision is taken at the meeting whose agenda the issue is on');
  }
}

function requireNgoRepresentative(actor: Actor): void {
  if (actor.role !== 'NGO_REPRESENTATIVE') {
    throw new Forbidden('NGO_REPRESENTATIVE_ONLY', "Issues are submitted, edited and withdrawn by the submitting organisation's NGO representatives");
  }
}

function requireSecretariat(actor: Actor): void {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'The secretariat places, forwards, closes and resolves issues');
  }
}

/* An issue's content as a schema: each failure's message is its typed reason, at its field. */
const contentSchema = z
  .object({
    title: input.requiredText('title', MAX_TITLE, 'TITLE_REQUIRED', 'TITLE_TOO_LONG', 'one'),
    description: input.requiredText('description', MAX_DESCRIPTION, 'DESCRIPTION_REQUIRED', 'DESCRIPTION_TOO_LONG'),
    category: z.enum(ISSUE_CATEGORIES, { error: 'UNKNOWN_CATEGORY' }),
    tags: z
      .array(z.enum(EXPLOITATION_FORMS, { error: 'UNKNOWN_TAG' }))
      .nullish()
      .transform((tags) => tags ?? [])
      .refine((tags) => new Set(tags).size === tags.length, 'DUPLICATE_TAG')
      .transform((tags) => EXPLOITATION_FORMS.filter((form) => tags.includes(form))),
  });
const urgencySchema = input.requiredText('urgencyReason', MAX_REASON, 'URGENCY_REASON_REQUIRED', 'REASON_TOO_LONG');
const CONTENT_SENTENCES = {
  UNKNOWN_CATEGORY: `A category is one of ${ISSUE_CATEGORIES.join(', ')}`,
  UNKNOWN_TAG: `A tag is one of ${EXPLOITATION_FORMS.join(', ')}`,
  DUPLICATE_TAG: 'Each tag once',
};

function content(c: IssueContent) {
  const parsed = parseInput(contentSchema, { title: c.title, description: c.description, category: c.category, tags: c.tags }, undefined, CONTENT_SENTENCES);
  const citedMeasures = checkedMeasureRefs(c.citedMeasures ?? [], c.citable, 'refuse');
  // No urgency is null; an urgency given needs its reason.
  const urgencyReason = c.urgencyReason == null ? null : parseInput(urgencySchema, c.urgencyReason, 'urgencyReason');
  return { ...parsed, citedMeasures, urgency: urgencyReason === null ? null : { reason: urgencyReason } };
}

function requiredText(raw: string | null | undefined, max: number, field: string, requiredReason: string, tooLongReason: string): string {
  return parseInput(input.requiredText(field, max, requiredReason, tooLongReason), raw, field);
}

function requireId(value: string, field: string): void {
  parseInput(input.id(field), value, field);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export const issueDecider: Decider<IssueCommand, IssueEvent, IssueState> = { decide, evolve, initialState };
