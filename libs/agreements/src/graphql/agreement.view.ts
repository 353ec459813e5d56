import { expiresOnAt, statusAt, versionInForceAt } from '../domain/agreement-status';
import { fullySignedAt, missingSignatures, type Agreement as AgreementFacts, type AgreementVersion as VersionFacts } from '../domain/agreement.state';
import type { Agreement, AgreementSignature, AgreementVersion } from './agreement.types';

function signaturesOf(version: VersionFacts): AgreementSignature[] {
  return version.signatures.map((s) => ({
    ...s,
    representativeId: s.representativeId ?? null,
    organizationName: version.parties.find((p) => p.organizationId === s.organizationId)?.name ?? null,
  }));
}

function versionView(version: VersionFacts): AgreementVersion {
  return {
    number: version.number,
    title: version.title,
    purpose: version.purpose,
    parties: version.parties.map((p) => ({ ...p })),
    clauses: version.clauses.map((c) => ({ ...c })),
    effectiveFrom: version.effectiveFrom,
    expiresOn: version.expiresOn,
    citedDecisionIds: [...version.citedDecisionIds],
    createdAt: version.createdAt,
    proposedAt: version.proposedAt,
    fullySignedAt: fullySignedAt(version),
    signatures: signaturesOf(version),
    missingSignatures: version.proposedAt === null ? [] : missingSignatures(version),
  };
}

/**
 * The agreement as GraphQL shows it at an instant: the facts (already narrowed to what the reader
 * may see) and the status and version in force computed for that instant.
 */
export function agreementView(agreement: AgreementFacts, revision: number, at: Date): Agreement {
  const versions = agreement.versions.map(versionView);
  const current = versions[versions.length - 1]!;
  const inForce = versionInForceAt(agreement, at);
  return {
    id: agreement.agreementId,
    title: current.title,
    purpose: current.purpose,
    status: statusAt(agreement, at),
    statusAt: at.toISOString(),
    parties: current.parties,
    versions,
    signatures: versions.flatMap((v) => v.signatures),
    currentVersion: current,
    versionInForce: inForce ? versions.find((v) => v.number === inForce.number)! : null,
    expiresOn: expiresOnAt(agreement, at),
    citedDecisionIds: current.citedDecisionIds,
    termination: agreement.termination ? { ...agreement.termination } : null,
    revision,
  };
}
