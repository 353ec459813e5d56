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
    nb: `Organisasjonen ${named(e, 'organization', d(e).organizationId, 'nb', 'before')} fikk navnet «${d(e).name}» fra ${d(e).from}`,
    en: `The organisation ${named(e, 'organization', d(e).organizationId, 'en', 'before')} was renamed “${d(e).name}” from ${d(e).from}`,
  }),
  OrganizationRoleGranted: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} fikk rollen ${d(e).role} fra ${d(e).from}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was given the role ${d(e).role} from ${d(e).from}`,
  }),
  OrganizationRoleEnded: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} har ikke lenger rollen ${d(e).role} fra ${d(e).until}: ${d(e).reason}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} no longer holds the role ${d(e).role} from ${d(e).until}: ${d(e).reason}`,
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
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ble ført i registeret over politidistrikter fra ${d(e).from}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} was entered in the register of police districts from ${d(e).from}`,
  }),
  PoliceDistrictsMerged: (e) => {
    const ids = (e.data as { mergedOrganizationIds?: string[] }).mergedOrganizationIds ?? [];
    const merged = (lang: 'nb' | 'en') => ids.map((id) => named(e, 'organization', id, lang)).join(', ');
    return {
      nb: `Politidistriktene ${merged('nb')} ble slått sammen med ${named(e, 'organization', d(e).intoOrganizationId, 'nb')} fra ${d(e).on}`,
      en: `The police districts ${merged('en')} merged into ${named(e, 'organization', d(e).intoOrganizationId, 'en')} from ${d(e).on}`,
    };
  },
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
