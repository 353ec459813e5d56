import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { CALENDAR_FEEDS_TABLE } from './calendar-feeds.projection';

export interface CalendarFeedView {
  id: string;
  body: 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT' | null;
  organizationId: string | null;
  lang: 'nb' | 'en';
  ownerUserId: string;
  ownerOrganizationId: string;
  ownerRole: string;
  createdAt: string;
  revokedAt: string | null;
}

const COLUMNS = `id, body, organization_id AS organizationId, lang, owner_user_id AS ownerUserId,
  owner_organization_id AS ownerOrganizationId, owner_role AS ownerRole, created_at AS createdAt, revoked_at AS revokedAt`;

@Injectable()
export class CalendarFeedsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** The live feed whose secret hashes to this; revoked feeds are not found. */
  activeByTokenHash(tokenHash: string): CalendarFeedView | undefined {
    return this.readModels.db
      .prepare(`SELECT ${COLUMNS} FROM ${CALENDAR_FEEDS_TABLE} WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash) as CalendarFeedView | undefined;
  }

  byId(id: string): CalendarFeedView | undefined {
    return this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${CALENDAR_FEEDS_TABLE} WHERE id = ?`).get(id) as CalendarFeedView | undefined;
  }

  ownedBy(userId: string, organizationId: string): CalendarFeedView[] {
    return this.readModels.db
      .prepare(`SELECT ${COLUMNS} FROM ${CALENDAR_FEEDS_TABLE} WHERE owner_user_id = ? AND owner_organization_id = ? ORDER BY created_at, id`)
      .all(userId, organizationId) as CalendarFeedView[];
  }
}
