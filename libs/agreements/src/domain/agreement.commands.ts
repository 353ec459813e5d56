import type { RepresentativeRef } from '@kom/kernel';
import type { ClauseSection } from './agreement.events';

/** A period of a role in the register: [from, until), calendar days; until null while held. */
export interface RolePeriodFacts {
  readonly role: string;
  readonly from: string;
  readonly until: string | null;
}

/** An organisation as the register knows it; null when it is not registered. */
export interface OrganizationFacts {
  readonly name: string;
  readonly kind: string;
  /** Its roles over time: a party may be the police party when it holds POLICE on the day. */
  readonly roles: readonly RolePeriodFacts[];
  /** A merged police district: the organisation that holds its place today; null otherwise. */
  readonly heldBy: { readonly organizationId: string; readonly name: string } | null;
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

/**
 * The organisations whose place the actor's organisation holds today (police districts merged into
 * it), looked up in the register by the handler: its people act for them in agreements signed
 * before the merge (amend, propose, sign, renew, terminate).
 */
interface ActingFor {
  readonly actingFor?: readonly string[];
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
  | ({
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
    } & ActingFor)
  | ({ type: 'ProposeAgreementForSignature'; agreementId: string; version: number } & ActingFor)
  | ({
      type: 'SignAgreement';
      agreementId: string;
      version: number;
      /**
       * The registered representative the signer's identity is linked to, looked up by the handler
       * (null: none). PREDATES_REGISTER only for history recorded before the register linked
       * identities (the seeded 2019 agreement): the signature then records no representative.
       */
      representative: RepresentativeRef | null | 'PREDATES_REGISTER';
    } & ActingFor)
  | ({ type: 'RenewAgreement'; agreementId: string; expiresOn: string } & ActingFor)
  | ({ type: 'TerminateAgreement'; agreementId: string; reason: string; effectiveOn: string } & ActingFor);
