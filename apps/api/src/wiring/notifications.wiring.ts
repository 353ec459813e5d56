import type { DynamicModule } from '@nestjs/common';
import { NotificationsModule, SmtpMailTransport, type AddressLookup, type RecipientAddresses } from '@kom/notifications';
import { OrganizationsModule, RepresentativesQueries } from '@kom/organizations';
import { KOM_CONFIG, PERSONAL_DATA_KEYS, type KomConfig } from '@kom/platform';

/** The outbox reads addresses as the platform itself, which sees restricted data no more than anyone: restricted is withheld. */
const PLATFORM_READER = { revealRestricted: false };

/**
 * Representatives' e-mail addresses for the notifications context, unsealed from the organisations
 * context's read model at sending time. Erased, restricted or removed: nothing to send to.
 */
export class RepresentativeAddresses implements RecipientAddresses {
  constructor(private readonly representatives: RepresentativesQueries) {}

  async emailOf(representativeId: string): Promise<AddressLookup> {
    const row = await this.representatives.byId(representativeId, PLATFORM_READER);
    if (!row) return undefined;
    if (row.erased || row.restricted) return { erased: true };
    if (row.removed || row.email === null) return undefined;
    return { email: row.email };
  }

  async organizationOf(representativeId: string): Promise<string | undefined> {
    const row = await this.representatives.byId(representativeId, PLATFORM_READER);
    return row && !row.removed ? row.organizationId : undefined;
  }
}

/**
 * The notifications context with its ports bound: addresses from the organisations context's
 * sealed representative records, webhook secrets sealed with the same key table, and e-mail over
 * SMTP when KOM_SMTP_URL is set (none: notifications are recorded and listed in the app only).
 */
export function notificationsModule(): DynamicModule {
  return NotificationsModule.forRoot({
    imports: [OrganizationsModule],
    addresses: { inject: [RepresentativesQueries], useFactory: (queries: RepresentativesQueries) => new RepresentativeAddresses(queries) },
    secretKeys: { useExisting: PERSONAL_DATA_KEYS },
    mail: {
      inject: [KOM_CONFIG],
      useFactory: (config: KomConfig) =>
        config.notifications.smtpUrl === undefined ? null : new SmtpMailTransport(config.notifications.smtpUrl, config.notifications.mailFrom),
    },
  });
}
