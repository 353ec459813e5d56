import type { ClauseSection } from './agreement.events';

/** An organisation as the register knows it; null when it is not registered. */
export interface OrganizationFacts {
  readonly name: string;
  readonly kind: string;
}

/** A party as proposed, with what the register says about it (looked up by the handler). */
export interface PartyInput {
  readonly organizationId: string;
  readonly role: string;
  readonly organization: OrganizationFacts | null;
}

export interface ClauseInput {
  readonly section: ClauseSection;
  readonly nb: string;
  readonly en?: string | null;
}

/**
 * A cited KOM decision and what the decision directory says about it (looked up by the handler):
 * ACTIVE, SUPERSEDED or REVOKED when it knows the decision; UNKNOWN when it knows decisions but not
 * this one; UNCHECKED when no directory of decisions is available yet (the id is then taken as given).
 */
export interface CitedDecision {
  readonly decisionId: string;
  readonly status: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED' | 'UNKNOWN' | 'UNCHECKED';
}

export type AgreementCommand =
  | {
      type: 'DraftAgreement';
      agreementId: string;
      title: string;
      purpose: string;
      parties: readonly PartyInput[];
      clauses: readonly ClauseInput[];
      effectiveFrom: string;
      expiresOn?: string | null;
      citedDecisions?: readonly CitedDecision[];
    }
  | {
      /** Fields left out keep the newest version's value; expiresOn: null removes the expiry date. */
      type: 'AmendAgreement';
      agreementId: string;
      title?: string;
      purpose?: string;
      parties?: readonly PartyInput[];
      clauses?: readonly ClauseInput[];
      effectiveFrom?: string;
      expiresOn?: string | null;
      citedDecisions?: readonly CitedDecision[];
    }
  | { type: 'ProposeAgreementForSignature'; agreementId: string; version: number }
  | { type: 'SignAgreement'; agreementId: string; version: number }
  | { type: 'RenewAgreement'; agreementId: string; expiresOn: string }
  | { type: 'TerminateAgreement'; agreementId: string; reason: string; effectiveOn: string };
