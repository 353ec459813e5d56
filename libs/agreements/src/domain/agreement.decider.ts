import {
  Forbidden,
  InvalidInput,
  InvalidState,
  NotFound,
  assertNever,
  type Actor,
  type Decider,
  type DecisionContext,
} from '@kom/kernel';
import { osloDate, requireCalendarDate } from './calendar-date';
import { cleanText } from '@kom/kernel';
import type { RolePeriodFacts } from './agreement.commands';
import type { AgreementCommand, CitedDecision, ClauseInput, PartyInput } from './agreement.commands';
import { CLAUSE_SECTIONS, type AgreementClause, type AgreementEvent, type AgreementParty } from './agreement.events';
import { versionInForceAt } from './agreement-status';
import { isPartyMember, visibleTo } from './agreement-visibility';
import {
  currentVersion,
  evolve,
  initialState,
  isFullySigned,
  policeParty,
  versionNumbered,
  type Agreement,
  type AgreementContent,
  type AgreementState,
  type AgreementVersion,
} from './agreement.state';

const MAX_TITLE = 200;
const MAX_PURPOSE = 5000;
const MAX_ROLE = 1000;
const MAX_CLAUSE = 20000;
const MAX_REASON = 2000;
const MAX_PARTIES = 50;
const MAX_CITED = 50;

/** Roles that represent an organisation: they sign for it and may terminate on its behalf. */
const REPRESENTATIVE_ROLES: readonly string[] = ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'];

export function decide(command: AgreementCommand, state: AgreementState, { now, actor }: DecisionContext): AgreementEvent[] {
  if (command.type === 'DraftAgreement') {
    if (state.kind !== 'none') {
      throw new InvalidState('AGREEMENT_ALREADY_DRAFTED', `Agreement ${command.agreementId} already exists`);
    }
    mayEditAtAll(actor);
    const content = validContent({
      title: command.title,
      purpose: command.purpose,
      parties: validParties(command.parties, osloDate(now), []),
      clauses: validClauses(command.clauses),
      effectiveFrom: command.effectiveFrom,
      expiresOn: command.expiresOn ?? null,
      citedDecisionIds: validCitations(command.citedDecisions ?? []),
    });
    mayEdit(actor, content, []);
    return [{ type: 'AgreementDrafted', data: { agreementId: command.agreementId, version: 1, createdAt: now.toISOString(), ...eventContent(content) } }];
  }

  // An agreement the actor may not read is answered exactly as one that does not exist, and who
  // may act is checked before anything about the agreement's state is told.
  const actingFor = command.actingFor ?? [];
  if (state.kind === 'none' || !visibleTo(state, actor, actingFor)) throw new NotFound('agreement', command.agreementId);
  const current = currentVersion(state);
  const next = current.number + 1;
  const agreementId = state.agreementId;

  switch (command.type) {
    case 'AmendAgreement': {
      mayEditAtAll(actor);
      mayEdit(actor, current, actingFor);
      notTerminated(state);
      const content = validContent({
        title: command.title ?? current.title,
        purpose: command.purpose ?? current.purpose,
        parties: command.parties ? validParties(command.parties, osloDate(now), current.parties) : current.parties,
        clauses: command.clauses ? validClauses(command.clauses) : current.clauses,
        effectiveFrom: command.effectiveFrom ?? current.effectiveFrom,
        expiresOn: command.expiresOn === undefined ? current.expiresOn : command.expiresOn,
        citedDecisionIds: command.citedDecisions ? validCitations(command.citedDecisions) : current.citedDecisionIds,
      });
      // The police party may not hand the agreement to another police organisation: only the
      // secretariat changes who the police party is.
      mayEdit(actor, content, actingFor);
      if (sameContent(content, current)) return [];
      return [
        {
          type: 'AgreementAmended',
          data: { agreementId, version: next, basedOnVersion: current.number, createdAt: now.toISOString(), ...eventContent(content) },
        },
      ];
    }

    case 'ProposeAgreementForSignature': {
      mayEditAtAll(actor);
      mayEdit(actor, current, actingFor);
      notTerminated(state);
      const version = mustFindVersion(state, command.version);
      if (version.number !== current.number) {
        throw new InvalidState('NOT_THE_CURRENT_VERSION', `Only the newest version (${current.number}) can be proposed for signature`);
      }
      if (version.proposedAt !== null) {
        throw new InvalidState('VERSION_ALREADY_PROPOSED', `Version ${version.number} is already proposed for signature`);
      }
      const missing = CLAUSE_SECTIONS.filter((section) => !version.clauses.some((c) => c.section === section));
      if (missing.length > 0) {
        throw new InvalidInput('CLAUSE_SECTIONS_MISSING', `A version proposed for signature needs every section; missing: ${missing.join(', ')}`);
      }
      return [{ type: 'AgreementProposedForSignature', data: { agreementId, version: version.number, proposedAt: now.toISOString() } }];
    }

    case 'SignAgreement': {
      mustRepresent(actor);
      if (!isPartyMember(state, actor, actingFor)) {
        throw new Forbidden('NOT_A_PARTY', `${actor.organizationId} is not a party to agreement ${agreementId}`);
      }
      const { representative } = command;
      if (representative !== 'PREDATES_REGISTER' && (representative === null || representative.organizationId !== actor.organizationId)) {
        throw new Forbidden('NOT_A_REPRESENTATIVE', `${actor.userId} is not linked to a registered representative of ${actor.organizationId}`);
      }
      notTerminated(state);
      const version = mustFindVersion(state, command.version);
      if (version.number !== current.number || version.proposedAt === null) {
        throw new InvalidState('VERSION_NOT_PROPOSED', `Version ${version.number} is not the version proposed for signature`);
      }
      // The actor signs for its own organisation, or for a merged district whose place it holds.
      const represented = [actor.organizationId, ...actingFor].filter((id) => version.parties.some((p) => p.organizationId === id));
      if (represented.length === 0) {
        throw new Forbidden('NOT_A_PARTY', `${actor.organizationId} is not a party to version ${version.number}`);
      }
      const signedFor = represented.find((id) => !version.signatures.some((s) => s.organizationId === id));
      if (signedFor === undefined) {
        throw new InvalidState('ALREADY_SIGNED', `${actor.organizationId} has already signed version ${version.number}`);
      }
      return [
        {
          type: 'AgreementSigned',
          data: {
            agreementId,
            version: version.number,
            organizationId: signedFor,
            signedBy: actor.userId,
            ...(representative === 'PREDATES_REGISTER' ? {} : { representativeId: representative.representativeId }),
            signedAt: now.toISOString(),
          },
        },
      ];
    }

    case 'RenewAgreement': {
      mayEditAtAll(actor);
      mayEdit(actor, current, actingFor);
      notTerminated(state);
      if (!state.versions.some(isFullySigned)) {
        throw new InvalidState('NOT_YET_SIGNED', 'Only a signed agreement can be renewed; amend the draft instead');
      }
      if (!isFullySigned(current)) {
        throw new InvalidState('CURRENT_VERSION_NOT_SIGNED', `Version ${current.number} is still being negotiated or signed; renew once it is signed`);
      }
      if (current.expiresOn === null) {
        throw new InvalidState('NO_EXPIRY_DATE', 'The agreement has no expiry date to renew; amend it to set one');
      }
      const expiresOn = requireCalendarDate('expiresOn', command.expiresOn);
      if (expiresOn <= current.effectiveFrom) {
        throw new InvalidInput('EXPIRY_NOT_AFTER_EFFECTIVE_DATE', 'The expiry date must come after the effective date');
      }
      if (expiresOn <= current.expiresOn) {
        throw new InvalidInput('RENEWAL_MUST_EXTEND', `A renewal sets an expiry date after ${current.expiresOn}`);
      }
      const createdAt = now.toISOString();
      return [
        { type: 'AgreementRenewed', data: { agreementId, version: next, basedOnVersion: current.number, createdAt, expiresOn } },
        { type: 'AgreementProposedForSignature', data: { agreementId, version: next, proposedAt: createdAt } },
      ];
    }

    case 'TerminateAgreement': {
      mustRepresent(actor);
      const inForce = versionInForceAt(state, now);
      const parties = new Set([...current.parties, ...(inForce?.parties ?? [])].map((p) => p.organizationId));
      // A party gives notice for itself; the successor of a merged district gives it for the district.
      const terminatingFor = [actor.organizationId, ...actingFor].find((id) => parties.has(id));
      if (terminatingFor === undefined) {
        throw new Forbidden('NOT_A_PARTY', `Only a party may terminate the agreement; ${actor.organizationId} is not one`);
      }
      notTerminated(state);
      const reason = cleanText(command.reason, 'reason', 'one');
      if (reason === '') throw new InvalidInput('REASON_REQUIRED', 'Say why the agreement is terminated');
      if (reason.length > MAX_REASON) throw new InvalidInput('REASON_TOO_LONG', `A reason has at most ${MAX_REASON} characters`);
      const effectiveOn = requireCalendarDate('effectiveOn', command.effectiveOn);
      if (effectiveOn < osloDate(now)) {
        throw new InvalidInput('TERMINATION_DATE_IN_PAST', 'A termination takes effect today or later');
      }
      return [
        {
          type: 'AgreementTerminated',
          data: {
            agreementId,
            organizationId: terminatingFor,
            terminatedBy: actor.userId,
            reason,
            effectiveOn,
            noticeGivenAt: now.toISOString(),
          },
        },
      ];
    }

    default:
      return assertNever(command);
  }
}

/** Checked once the actor is known to be one who may act: a terminated agreement never changes. */
function notTerminated(agreement: Agreement): void {
  if (agreement.termination !== null) {
    throw new InvalidState('AGREEMENT_TERMINATED', `Agreement ${agreement.agreementId} has been terminated; nothing about it can change`);
  }
}

/** Only the secretariat or a member of the police party drafts, amends, proposes and renews. */
function mayEditAtAll(actor: Actor): void {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'AGENCY_MEMBER') {
    throw new Forbidden('POLICE_PARTY_OR_SECRETARIAT_ONLY', 'Only the police party or the KOM secretariat drafts and amends agreements');
  }
}

/** The police party acts through its own people, or, after it merged, through its successor's. */
function mayEdit(actor: Actor, content: Pick<AgreementContent, 'parties'>, actingFor: readonly string[]): void {
  if (actor.role === 'SECRETARIAT') return;
  const police = policeParty(content)?.organizationId;
  if (police === undefined || (police !== actor.organizationId && !actingFor.includes(police))) {
    throw new Forbidden('POLICE_PARTY_OR_SECRETARIAT_ONLY', 'Only the police party or the KOM secretariat drafts and amends agreements');
  }
}

function mustRepresent(actor: Actor): void {
  if (!REPRESENTATIVE_ROLES.includes(actor.role)) {
    throw new Forbidden('REPRESENTATIVE_ONLY', 'Only an agency member or NGO representative acts for a party');
  }
}

function mustFindVersion(agreement: Agreement, number: number): AgreementVersion {
  const version = versionNumbered(agreement, number);
  if (!version) throw new NotFound('agreement_version', `${agreement.agreementId}#${number}`);
  return version;
}

/** One line under the platform's text policy (@kom/kernel cleanText): refused characters are TEXT_NOT_ALLOWED. */
function tidy(text: string, field: string): string {
  return cleanText(text, field, 'one');
}

function validContent(content: AgreementContent): AgreementContent {
  const title = tidy(content.title, 'title');
  if (title === '') throw new InvalidInput('TITLE_REQUIRED', 'An agreement needs a title');
  if (title.length > MAX_TITLE) throw new InvalidInput('TITLE_TOO_LONG', `A title has at most ${MAX_TITLE} characters`);
  const purpose = cleanText(content.purpose, 'purpose');
  if (purpose === '') throw new InvalidInput('PURPOSE_REQUIRED', 'Say what the cooperation is for');
  if (purpose.length > MAX_PURPOSE) throw new InvalidInput('PURPOSE_TOO_LONG', `A purpose has at most ${MAX_PURPOSE} characters`);
  const effectiveFrom = requireCalendarDate('effectiveFrom', content.effectiveFrom);
  const expiresOn = content.expiresOn === null ? null : requireCalendarDate('expiresOn', content.expiresOn);
  if (expiresOn !== null && expiresOn <= effectiveFrom) {
    throw new InvalidInput('EXPIRY_NOT_AFTER_EFFECTIVE_DATE', 'The expiry date must come after the effective date');
  }
  return { ...content, title, purpose, effectiveFrom, expiresOn };
}

/**
 * One police party, at least one other, each registered, once, with its role. The police party is
 * the party holding the POLICE role in the register on `day` (the day the version is made), or the
 * police party of the version it amends, kept after it merged (its successor holds its place). A
 * merged organisation does not join an agreement anew: its successor does.
 */
function validParties(parties: readonly PartyInput[], day: string, previous: readonly AgreementParty[]): AgreementParty[] {
  if (parties.length > MAX_PARTIES) throw new InvalidInput('TOO_MANY_PARTIES', `An agreement has at most ${MAX_PARTIES} parties`);
  const seen = new Set<string>();
  const valid = parties.map((party): AgreementParty => {
    if (party.organization === null) throw new NotFound('organization', party.organizationId);
    if (seen.has(party.organizationId)) throw new InvalidInput('DUPLICATE_PARTY', `${party.organizationId} is named twice`);
    seen.add(party.organizationId);
    const role = tidy(party.role, 'parties.role');
    if (role === '') throw new InvalidInput('PARTY_ROLE_REQUIRED', `Say what ${party.organization.name} does in the cooperation`);
    if (role.length > MAX_ROLE) throw new InvalidInput('PARTY_ROLE_TOO_LONG', `A party's role has at most ${MAX_ROLE} characters`);
    const before = previous.find((p) => p.organizationId === party.organizationId);
    const heldBy = party.organization.heldBy;
    if (!before && heldBy) {
      throw new InvalidInput(
        'PARTY_MERGED',
        `${party.organization.name} merged into ${heldBy.name}; ${heldBy.name} (${heldBy.organizationId}) is the party now`,
      );
    }
    const police = before?.police === true || holdsRoleOn(party.organization.roles, 'POLICE', day);
    // The name as the register has it today; a party kept from the version amended keeps the name it signed under.
    const name = before && heldBy ? before.name : party.organization.name;
    return { organizationId: party.organizationId, name, kind: party.organization.kind, role, police };
  });
  const police = valid.filter((p) => p.police).length;
  if (police === 0) throw new InvalidInput('POLICE_PARTY_REQUIRED', 'One party must be the police (a police district or the Police Directorate)');
  if (police > 1) throw new InvalidInput('ONE_POLICE_PARTY_ONLY', 'An agreement has one police party');
  if (valid.length < 2) throw new InvalidInput('PARTNER_REQUIRED', 'The police need at least one partner in an agreement');
  return valid;
}

/** Each section at most once, Norwegian text required, English optional; kept in section order. */
function validClauses(clauses: readonly ClauseInput[]): AgreementClause[] {
  if (clauses.length === 0) throw new InvalidInput('CLAUSES_REQUIRED', 'An agreement needs at least one clause');
  const seen = new Set<string>();
  const valid = clauses.map((clause): AgreementClause => {
    if (!(CLAUSE_SECTIONS as readonly string[]).includes(clause.section)) {
      throw new InvalidInput('UNKNOWN_CLAUSE_SECTION', `${clause.section} is not a section of an agreement`);
    }
    if (seen.has(clause.section)) throw new InvalidInput('DUPLICATE_CLAUSE_SECTION', `Section ${clause.section} appears twice`);
    seen.add(clause.section);
    const nb = cleanText(clause.nb, 'clauses.nb');
    const en = cleanText(clause.en ?? '', 'clauses.en') || null;
    if (nb === '') throw new InvalidInput('CLAUSE_TEXT_REQUIRED', `Section ${clause.section} needs its Norwegian text`);
    if (nb.length > MAX_CLAUSE || (en?.length ?? 0) > MAX_CLAUSE) {
      throw new InvalidInput('CLAUSE_TOO_LONG', `A clause text has at most ${MAX_CLAUSE} characters`);
    }
    return { section: clause.section, nb, en };
  });
  return valid.sort((a, b) => CLAUSE_SECTIONS.indexOf(a.section) - CLAUSE_SECTIONS.indexOf(b.section));
}

/** The decisions the agreement cites: known (and not revoked) when a directory of decisions answers. */
function validCitations(cited: readonly CitedDecision[]): string[] {
  const ids = [...new Set(cited.map((c) => c.decisionId.trim()))];
  if (ids.length > MAX_CITED) throw new InvalidInput('TOO_MANY_CITED_DECISIONS', `An agreement cites at most ${MAX_CITED} decisions`);
  for (const decision of cited) {
    if (decision.decisionId.trim() === '') throw new InvalidInput('CITED_DECISION_NOT_FOUND', 'A cited decision needs its id');
    if (decision.status === 'UNKNOWN') {
      throw new InvalidInput('CITED_DECISION_NOT_FOUND', `KOM has no decision ${decision.decisionId}`);
    }
    if (decision.status === 'REVOKED') {
      throw new InvalidInput('CITED_DECISION_REVOKED', `Decision ${decision.decisionId} has been revoked`);
    }
  }
  return ids;
}

/** The content as event data (fresh, mutable arrays). */
function eventContent(content: AgreementContent) {
  return {
    ...content,
    parties: content.parties.map((p) => ({ ...p })),
    clauses: content.clauses.map((c) => ({ ...c })),
    citedDecisionIds: [...content.citedDecisionIds],
  };
}

function sameContent(a: AgreementContent, b: AgreementContent): boolean {
  const pick = (c: AgreementContent) =>
    JSON.stringify([c.title, c.purpose, c.parties, c.clauses, c.effectiveFrom, c.expiresOn, [...c.citedDecisionIds].sort()]);
  return pick(a) === pick(b);
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = { decide, evolve, initialState };

export const agreementStream = (agreementId: string) => `agreement-${agreementId}`;

/** True when a period of `role` covers the calendar day. */
function holdsRoleOn(periods: readonly RolePeriodFacts[], role: string, day: string): boolean {
  return periods.some((p) => p.role === role && p.from <= day && (p.until === null || day < p.until));
}
