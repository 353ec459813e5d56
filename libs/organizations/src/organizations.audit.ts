import { named, type AuditNames, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';

const d = (event: AuditSummaryInput) => event.data as Record<string, string | null>;
const GROUP = { PROJECT_GROUP: { nb: 'prosjektgruppen', en: 'the project group' }, REFERENCE_GROUP: { nb: 'referansegruppen', en: 'the reference group' } } as const;
const group = (e: AuditSummaryInput, lang: 'nb' | 'en') => GROUP[d(e).groupKind as keyof typeof GROUP]?.[lang] ?? String(d(e).groupKind);

/**
 * Readable audit-trail lines for organisations, groups and representatives (NB and EN). A
 * representative is named by id only: the name and e-mail address are sealed and never summarised.
 */
export const organizationAuditSummaries: AuditSummaries = {
  OrganizationRegistered: (e) => ({
    nb: `Organisasjonen «${d(e).name}» (${named(e, 'organization', d(e).organizationId, 'nb')}, ${d(e).kind}) ble registrert`,
    en: `The organisation “${d(e).name}” (${named(e, 'organization', d(e).organizationId, 'en')}, ${d(e).kind}) was registered`,
  }),
  OrganizationRenamed: (e) => ({
    nb: `Organisasjonen ${named(e, 'organization', d(e).organizationId, 'nb', 'before')} fikk navnet «${d(e).name}»`,
    en: `The organisation ${named(e, 'organization', d(e).organizationId, 'en', 'before')} was renamed “${d(e).name}”`,
  }),
  OrganizationAdmittedToGroup: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ble tatt opp i ${group(e, 'nb')} fra ${d(e).effectiveFrom}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was admitted to ${group(e, 'en')} from ${d(e).effectiveFrom}`,
  }),
  OrganizationLeftGroup: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} gikk ut av ${group(e, 'nb')} fra ${d(e).effectiveFrom}: ${d(e).reason}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} left ${group(e, 'en')} from ${d(e).effectiveFrom}: ${d(e).reason}`,
  }),
  RepresentativeAdded: (e) => ({
    nb: `Representant ${d(e).representativeId} ble lagt til for ${named(e, 'organization', d(e).organizationId, 'nb')} (navn og e-post kryptert)`,
    en: `Representative ${d(e).representativeId} was added for ${named(e, 'organization', d(e).organizationId, 'en')} (name and e-mail encrypted)`,
  }),
  RepresentativeRemoved: (e) => ({
    nb: `Representant ${d(e).representativeId} for ${named(e, 'organization', d(e).organizationId, 'nb')} ble fjernet`,
    en: `Representative ${d(e).representativeId} of ${named(e, 'organization', d(e).organizationId, 'en')} was removed`,
  }),
  PersonalDataRestricted: (e) => ({
    nb: `Personopplysningene om ${d(e).representativeId} ble begrenset (skjult for alle unntatt revisorer). Rettslig grunnlag: ${d(e).legalBasis}`,
    en: `The personal data of ${d(e).representativeId} was restricted (hidden from all but auditors). Legal basis: ${d(e).legalBasis}`,
  }),
  PersonalDataErased: (e) => ({
    nb: `Personopplysningene om ${d(e).representativeId} ble slettet (nøkkelen makulert). Rettslig grunnlag: ${d(e).legalBasis}`,
    en: `The personal data of ${d(e).representativeId} was erased (its key shredded). Legal basis: ${d(e).legalBasis}`,
  }),
};

/** An organisation is named as it was called at each entry (a rename does not rewrite the past). */
export const organizationAuditNames: AuditNames = {
  organization: { OrganizationRegistered: (data) => String(data.name ?? ''), OrganizationRenamed: (data) => String(data.name ?? '') },
};
