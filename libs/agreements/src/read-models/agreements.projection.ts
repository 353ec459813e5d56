import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { AGREEMENT_EVENT_TYPES, type AgreementEvent } from '../domain/agreement.events';
import { evolve, initialState, type AgreementState } from '../domain/agreement.state';

export const AGREEMENTS_TABLE = 'agreements';
export const AGREEMENT_PARTIES_TABLE = 'agreement_parties';
export const AGREEMENT_CITATIONS_TABLE = 'agreement_citations';

/**
 * Agreements as facts: every version with its content and signatures, and a termination, folded
 * with the decider's own `evolve` and kept as JSON. No status is stored: it depends on the day and
 * is computed when read (so an agreement comes into force or expires at midnight without an event).
 * Two index tables serve the filters and the visibility rule: every organisation that is a party to
 * any version, and every decision any version cites. A row moves only forward (stream revision), so
 * applying an event twice changes nothing.
 */
export const agreementsProjection: Projection = {
  name: 'agreements',
  version: 2, // 2: parties carry the police mark (AgreementDrafted/AgreementAmended v2)
  handles: AGREEMENT_EVENT_TYPES,
  tables: [AGREEMENTS_TABLE, AGREEMENT_PARTIES_TABLE, AGREEMENT_CITATIONS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGREEMENTS_TABLE} (
      id TEXT PRIMARY KEY,
      facts TEXT NOT NULL, -- JSON: the folded agreement (versions, signatures, termination)
      drafted_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS agreements_by_drafted ON ${AGREEMENTS_TABLE} (drafted_at, id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGREEMENT_PARTIES_TABLE} (
      agreement_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      PRIMARY KEY (agreement_id, organization_id)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS agreement_parties_by_organization ON ${AGREEMENT_PARTIES_TABLE} (organization_id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGREEMENT_CITATIONS_TABLE} (
      agreement_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      PRIMARY KEY (agreement_id, decision_id)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS agreement_citations_by_decision ON ${AGREEMENT_CITATIONS_TABLE} (decision_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const data = event.data as { agreementId: string };
    const at = String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt);
    const row = s.get.get(data.agreementId) as { facts: string; revision: number } | undefined;
    if (row && BigInt(row.revision) >= event.revision) return;
    const before: AgreementState = row ? (JSON.parse(row.facts) as AgreementState) : initialState;
    const after = evolve(before, { type: event.type, data: event.data } as AgreementEvent);
    if (after.kind === 'none') return;
    s.upsert.run({ id: after.agreementId, facts: JSON.stringify(after), at, revision: event.revision });
    for (const version of after.versions) {
      for (const party of version.parties) s.party.run(after.agreementId, party.organizationId);
      for (const decisionId of version.citedDecisionIds) s.citation.run(after.agreementId, decisionId);
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  get: db.prepare(`SELECT facts, revision FROM ${AGREEMENTS_TABLE} WHERE id = ?`),
  upsert: db.prepare(
    `INSERT INTO ${AGREEMENTS_TABLE} (id, facts, drafted_at, updated_at, revision) VALUES (@id, @facts, @at, @at, @revision)
     ON CONFLICT (id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at, revision = excluded.revision`,
  ),
  party: db.prepare(`INSERT OR IGNORE INTO ${AGREEMENT_PARTIES_TABLE} (agreement_id, organization_id) VALUES (?, ?)`),
  citation: db.prepare(`INSERT OR IGNORE INTO ${AGREEMENT_CITATIONS_TABLE} (agreement_id, decision_id) VALUES (?, ?)`),
}));
