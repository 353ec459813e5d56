import { auditDay, auditLabel, named, type AuditLang, type AuditNames, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';
import { ORGANIZATION_ROLE_LABELS } from './graphql/organization-history.types';
import { ORGANIZATION_KIND_LABELS } from './graphql/organization.types';

type Lang = AuditLang;
const d = (event: AuditSummaryInput) => event.data as Record<string, string | null>;
const GROUP = { PROJECT_GROUP: { nb: 'prosjektgruppen', en: 'the project group' }, REFERENCE_GROUP: { nb: 'referansegruppen', en: 'the reference group' } } as const;
const group = (e: AuditSummaryInput, lang: Lang) => GROUP[d(e).groupKind as keyof typeof GROUP]?.[lang] ?? String(d(e).groupKind);

const kind = (e: AuditSummaryInput, lang: Lang) => auditLabel(ORGANIZATION_KIND_LABELS, d(e).kind, lang);
const role = (e: AuditSummaryInput, lang: Lang) => auditLabel(ORGANIZATION_ROLE_LABELS, d(e).role, lang);
/** " fra 1. januar 2001" / " from 1 January 2001"; nothing for an event with no date of its own (version 1). */
const fromDay = (value: string | null | undefined, lang: Lang) => (value ? `${lang === 'nb' ? ' fra' : ' from'} ${auditDay(value, lang)}` : '');

/** The short name and the kind of a new organisation: "(UDI; type: etat eller direktorat)". */
function registeredAs(e: AuditSummaryInput, lang: Lang): string {
  const short = d(e).shortName ? `${d(e).shortName}; ` : '';
  return `(${short}${lang === 'nb' ? 'type' : 'kind'}: ${kind(e, lang)})`;
}

/**
 * Readable audit-trail lines for organisations, groups and representatives (NB and EN). A
 * representative is named by id only: the name and e-mail address are sealed and never summarised.
 */
export const organizationAuditSummaries: AuditSummaries = {
  OrganizationRegistered: (e) => ({
    nb: `Organisasjonen «${d(e).name}» ${registeredAs(e, 'nb')} ble registrert${fromDay(d(e).from, 'nb')}`,
    en: `The organisation “${d(e).name}” ${registeredAs(e, 'en')} was registered${fromDay(d(e).from, 'en')}`,
  }),
  OrganizationRenamed: (e) => ({
    nb: `Organisasjonen ${named(e, 'organization', d(e).organizationId, 'nb', 'before')} fikk navnet «${d(e).name}»${d(e).shortName ? ` (${d(e).shortName})` : ''}${fromDay(d(e).from, 'nb')}`,
    en: `The organisation ${named(e, 'organization', d(e).organizationId, 'en', 'before')} was renamed “${d(e).name}”${d(e).shortName ? ` (${d(e).shortName})` : ''}${fromDay(d(e).from, 'en')}`,
  }),
  OrganizationRoleGranted: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} fikk rollen ${role(e, 'nb')}${fromDay(d(e).from, 'nb')}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was given the role ${role(e, 'en')}${fromDay(d(e).from, 'en')}`,
  }),
  OrganizationRoleEnded: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} har ikke lenger rollen ${role(e, 'nb')}${fromDay(d(e).until, 'nb')}: ${d(e).reason}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} no longer holds the role ${role(e, 'en')}${fromDay(d(e).until, 'en')}: ${d(e).reason}`,
  }),
  // The claim names the key's digest, not the name: the organisation's own event says the name.
  OrganizationNameClaimed: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} tok navnet sitt i registeret (navnenøkkel ${d(e).nameKey}); ingen annen organisasjon kan få et navn som ser likt ut`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} took its name in the register (name key ${d(e).nameKey}); no other organisation can take a name that looks the same`,
  }),
  OrganizationNameReleased: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ga fra seg et tidligere navn (navnenøkkel ${d(e).nameKey}); det er ledig igjen`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} gave up a former name (name key ${d(e).nameKey}); it is free again`,
  }),
  PoliceDistrictRegistered: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ble ført i registeret over politidistrikter${fromDay(d(e).from, 'nb')}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was entered in the register of police districts${fromDay(d(e).from, 'en')}`,
  }),
  PoliceDistrictsMerged: (e) => {
    const ids = (e.data as { mergedOrganizationIds?: string[] }).mergedOrganizationIds ?? [];
    const merged = (lang: Lang) => ids.map((id) => named(e, 'organization', id, lang)).join(', ');
    return {
      nb: `Politidistriktene ${merged('nb')} ble slått sammen med ${named(e, 'organization', d(e).intoOrganizationId, 'nb')}${fromDay(d(e).on, 'nb')}`,
      en: `The police districts ${merged('en')} merged into ${named(e, 'organization', d(e).intoOrganizationId, 'en')}${fromDay(d(e).on, 'en')}`,
    };
  },
  OrganizationAdmittedToGroup: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ble tatt opp i ${group(e, 'nb')}${fromDay(d(e).effectiveFrom, 'nb')}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was admitted to ${group(e, 'en')}${fromDay(d(e).effectiveFrom, 'en')}`,
  }),
  OrganizationLeftGroup: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} gikk ut av ${group(e, 'nb')}${fromDay(d(e).effectiveFrom, 'nb')}: ${d(e).reason}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} left ${group(e, 'en')}${fromDay(d(e).effectiveFrom, 'en')}: ${d(e).reason}`,
  }),
  RepresentativeAdded: (e) => ({
    nb: `Representant ${d(e).representativeId} ble lagt til for ${named(e, 'organization', d(e).organizationId, 'nb')} (navn og e-post kryptert)`,
    en: `Representative ${d(e).representativeId} was added for ${named(e, 'organization', d(e).organizationId, 'en')} (name and e-mail encrypted)`,
  }),
  RepresentativeRemoved: (e) => ({
    nb: `Representant ${d(e).representativeId} for ${named(e, 'organization', d(e).organizationId, 'nb')} ble fjernet`,
    en: `Representative ${d(e).representativeId} of ${named(e, 'organization', d(e).organizationId, 'en')} was removed`,
  }),
  RepresentativeIdentityLinked: (e) => ({
    nb: `En påloggingsidentitet ble knyttet til representant ${d(e).representativeId} for ${named(e, 'organization', d(e).organizationId, 'nb')} (identiteten kryptert)`,
    en: `A sign-in identity was linked to representative ${d(e).representativeId} of ${named(e, 'organization', d(e).organizationId, 'en')} (the identity encrypted)`,
  }),
  RepresentativeIdentityUnlinked: (e) => ({
    nb: `En påloggingsidentitet ble løst fra representant ${d(e).representativeId} for ${named(e, 'organization', d(e).organizationId, 'nb')}`,
    en: `A sign-in identity was unlinked from representative ${d(e).representativeId} of ${named(e, 'organization', d(e).organizationId, 'en')}`,
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
