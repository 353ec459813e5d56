import { CLAUSE_SECTIONS, type ClauseSection } from './agreement.events';
import type { AgreementVersion } from './agreement.state';

export type ClauseChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface TextChange {
  readonly from: string | null;
  readonly to: string | null;
}

export interface ClauseChange {
  readonly section: ClauseSection;
  readonly change: ClauseChangeKind;
  /** Set when the Norwegian text differs. */
  readonly nb: TextChange | null;
  /** Set when the English text differs (also when a translation was added or removed). */
  readonly en: TextChange | null;
}

export interface PartyChange {
  readonly organizationId: string;
  readonly name: string;
  readonly change: ClauseChangeKind;
  /** Set when the party's role differs. */
  readonly role: TextChange | null;
}

export interface VersionDiff {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly title: TextChange | null;
  readonly purpose: TextChange | null;
  readonly effectiveFrom: TextChange | null;
  readonly expiresOn: TextChange | null;
  readonly clauses: readonly ClauseChange[];
  readonly parties: readonly PartyChange[];
  readonly citedDecisions: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

const change = (from: string | null, to: string | null): TextChange | null => (from === to ? null : { from, to });

/** Two versions compared clause by clause (per language), party by party, and date by date. */
export function agreementVersionDiff(from: AgreementVersion, to: AgreementVersion): VersionDiff {
  const clauses: ClauseChange[] = [];
  for (const section of CLAUSE_SECTIONS) {
    const a = from.clauses.find((c) => c.section === section);
    const b = to.clauses.find((c) => c.section === section);
    if (!a && !b) continue;
    const nb = change(a?.nb ?? null, b?.nb ?? null);
    const en = change(a?.en ?? null, b?.en ?? null);
    if (!a) clauses.push({ section, change: 'ADDED', nb, en });
    else if (!b) clauses.push({ section, change: 'REMOVED', nb, en });
    else if (nb || en) clauses.push({ section, change: 'CHANGED', nb, en });
  }
  const parties: PartyChange[] = [];
  for (const a of from.parties) {
    const b = to.parties.find((p) => p.organizationId === a.organizationId);
    if (!b) parties.push({ organizationId: a.organizationId, name: a.name, change: 'REMOVED', role: change(a.role, null) });
    else if (a.role !== b.role) parties.push({ organizationId: b.organizationId, name: b.name, change: 'CHANGED', role: change(a.role, b.role) });
  }
  for (const b of to.parties) {
    if (!from.parties.some((p) => p.organizationId === b.organizationId)) {
      parties.push({ organizationId: b.organizationId, name: b.name, change: 'ADDED', role: change(null, b.role) });
    }
  }
  return {
    fromVersion: from.number,
    toVersion: to.number,
    title: change(from.title, to.title),
    purpose: change(from.purpose, to.purpose),
    effectiveFrom: change(from.effectiveFrom, to.effectiveFrom),
    expiresOn: change(from.expiresOn, to.expiresOn),
    clauses,
    parties,
    citedDecisions: {
      added: to.citedDecisionIds.filter((id) => !from.citedDecisionIds.includes(id)),
      removed: from.citedDecisionIds.filter((id) => !to.citedDecisionIds.includes(id)),
    },
  };
}
