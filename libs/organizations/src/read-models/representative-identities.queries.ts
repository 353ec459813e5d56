import { Inject, Injectable } from '@nestjs/common';
import type { Actor, RepresentativeRef, RepresentativeRegister } from '@kom/kernel';
import { PERSONAL_DATA_KEYS, READ_MODELS, type PersonalDataKeys } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import { identityKeyOf } from '../domain/identity-link.decider';
import { unsealSubject } from '../domain/personal-data';
import { REPRESENTATIVE_IDENTITIES_TABLE } from './representative-identities.projection';
import { REPRESENTATIVES_TABLE } from './representatives.projection';

export interface LinkedIdentityRow {
  /** Null when the key is gone (erased on another replica before this one caught up). */
  subject: string | null;
  linkedAt: string;
}

/**
 * The register's answer to "who is this identity": the representative its subject is linked to,
 * when that representative is current (not removed, not erased) and of the token's organisation.
 */
@Injectable()
export class RepresentativeIdentitiesQueries implements RepresentativeRegister {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
  ) {}

  representativeOf(actor: Actor): RepresentativeRef | undefined {
    const row = prepared(
      this.readModels.db,
      `SELECT i.representative_id AS representativeId, i.organization_id AS organizationId
         FROM ${REPRESENTATIVE_IDENTITIES_TABLE} i JOIN ${REPRESENTATIVES_TABLE} r ON r.id = i.representative_id
        WHERE i.identity_key = ? AND r.removed = 0 AND r.erased = 0 AND r.organization_id = ?`,
    ).get(identityKeyOf(actor.userId), actor.organizationId) as RepresentativeRef | undefined;
    return row && { representativeId: row.representativeId, organizationId: row.organizationId };
  }

  /**
   * Whether a representative is current (not removed, not erased). One the read model does not know
   * yet counts as current: a link to it is never taken over on a guess.
   */
  isCurrent(representativeId: string): boolean {
    const row = prepared(this.readModels.db, `SELECT removed, erased FROM ${REPRESENTATIVES_TABLE} WHERE id = ?`).get(representativeId) as
      | { removed: number; erased: number }
      | undefined;
    return row === undefined || (row.removed === 0 && row.erased === 0);
  }

  /** The subjects linked to a representative, unsealed with its key (none once the person is erased). */
  async ofRepresentative(representativeId: string): Promise<LinkedIdentityRow[]> {
    const rows = prepared(
      this.readModels.db,
      `SELECT subject, linked_at AS linkedAt FROM ${REPRESENTATIVE_IDENTITIES_TABLE} WHERE representative_id = ? ORDER BY linked_at, identity_key`,
    ).all(representativeId) as Array<{ subject: string; linkedAt: string }>;
    if (rows.length === 0) return [];
    const key = await this.keys.get(representativeId);
    return rows.map((row) => ({ subject: key ? (unsealSubject(row.subject, representativeId, key) ?? null) : null, linkedAt: row.linkedAt }));
  }
}
