import { assertNever } from '@kom/kernel';
import type { AgreementClause, AgreementEvent, AgreementParty } from './agreement.events';

/** What one version says. */
export interface AgreementContent {
  readonly title: string;
  readonly purpose: string;
  readonly parties: readonly AgreementParty[];
  readonly clauses: readonly AgreementClause[];
  readonly effectiveFrom: string;
  readonly expiresOn: string | null;
  readonly citedDecisionIds: readonly string[];
}

export interface AgreementSignature {
  readonly version: number;
  readonly organizationId: string;
  readonly signedBy: string;
  /** The registered representative who signed; absent when not recorded then. */
  readonly representativeId?: string;
  readonly signedAt: string;
}

export interface AgreementVersion extends AgreementContent {
  readonly number: number;
  readonly createdAt: string;
  /** Set when proposed for signature. Only the newest version can be proposed. */
  readonly proposedAt: string | null;
  readonly signatures: readonly AgreementSignature[];
}

export interface AgreementTermination {
  readonly organizationId: string;
  readonly terminatedBy: string;
  readonly reason: string;
  readonly effectiveOn: string;
  readonly noticeGivenAt: string;
}

/** The facts of an agreement: its versions (oldest first) with their signatures, and a termination. */
export interface Agreement {
  readonly kind: 'agreement';
  readonly agreementId: string;
  readonly versions: readonly AgreementVersion[];
  readonly termination: AgreementTermination | null;
}

export type AgreementState = { readonly kind: 'none' } | Agreement;

export const initialState: AgreementState = { kind: 'none' };

export function evolve(state: AgreementState, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'AgreementDrafted': {
      const { agreementId, version, createdAt, ...content } = event.data;
      return {
        kind: 'agreement',
        agreementId,
        versions: [{ ...content, number: version, createdAt, proposedAt: null, signatures: [] }],
        termination: null,
      };
    }
    case 'AgreementAmended': {
      if (state.kind === 'none') return state;
      const { agreementId: _id, version, basedOnVersion: _base, createdAt, ...content } = event.data;
      return { ...state, versions: [...state.versions, { ...content, number: version, createdAt, proposedAt: null, signatures: [] }] };
    }
    case 'AgreementRenewed': {
      if (state.kind === 'none') return state;
      const base = state.versions.find((v) => v.number === event.data.basedOnVersion);
      if (!base) return state;
      const renewed: AgreementVersion = {
        ...base,
        number: event.data.version,
        createdAt: event.data.createdAt,
        expiresOn: event.data.expiresOn,
        proposedAt: null,
        signatures: [],
      };
      return { ...state, versions: [...state.versions, renewed] };
    }
    case 'AgreementProposedForSignature':
      if (state.kind === 'none') return state;
      return withVersion(state, event.data.version, (v) => ({ ...v, proposedAt: event.data.proposedAt }));
    case 'AgreementSigned': {
      if (state.kind === 'none') return state;
      const { version, organizationId, signedBy, representativeId, signedAt } = event.data;
      const signature = { version, organizationId, signedBy, ...(representativeId === undefined ? {} : { representativeId }), signedAt };
      return withVersion(state, version, (v) => ({ ...v, signatures: [...v.signatures, signature] }));
    }
    case 'AgreementTerminated': {
      if (state.kind === 'none') return state;
      const { agreementId: _id, ...termination } = event.data;
      return { ...state, termination };
    }
    default:
      return assertNever(event);
  }
}

function withVersion(state: Agreement, number: number, change: (v: AgreementVersion) => AgreementVersion): Agreement {
  return { ...state, versions: state.versions.map((v) => (v.number === number ? change(v) : v)) };
}

export function currentVersion(agreement: Agreement): AgreementVersion {
  return agreement.versions[agreement.versions.length - 1]!;
}

export function versionNumbered(agreement: Agreement, number: number): AgreementVersion | undefined {
  return agreement.versions.find((v) => v.number === number);
}

/** The parties that have not signed the version yet. */
export function missingSignatures(version: AgreementVersion): string[] {
  const signed = new Set(version.signatures.map((s) => s.organizationId));
  return version.parties.map((p) => p.organizationId).filter((id) => !signed.has(id));
}

export function isFullySigned(version: AgreementVersion): boolean {
  return version.proposedAt !== null && missingSignatures(version).length === 0;
}

/** When the last party signed; null while a signature is missing. */
export function fullySignedAt(version: AgreementVersion): string | null {
  if (!isFullySigned(version)) return null;
  return version.signatures.map((s) => s.signedAt).sort().at(-1) ?? null;
}

export function policeParty(content: Pick<AgreementContent, 'parties'>): AgreementParty | undefined {
  return content.parties.find((p) => p.police);
}
