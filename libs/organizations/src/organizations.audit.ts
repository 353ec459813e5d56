import type { AuditSummaries, AuditSummaryInput } from '@kom/platform';

const d = (event: AuditSummaryInput) => event.data as Record<string, string | null>;
const GROUP = { PROJECT_GROUP: { nb: 'prosjektgruppen', en: 'the project group' }, REFERENCE_GROUP: { nb: 'referansegruppen', en: 'the reference group' } } as const;
const group = (e: AuditSummaryInput, lang: 'nb' | 'en') => GROUP[d(e).groupKind as keyof typeof GROUP]?.[lang] ?? String(d(e).groupKind);

/**
 * Readable audit-trail lines for organisations, groups and representatives (NB and EN). A
 * representative is named by id only: the name and e-mail address are sealed and never summarised.
 */
export const organizationAuditSummaries: AuditSummaries = {
  OrganizationRegistered: (e) => ({
    nb: `Organisasjonen «${d(e).name}» (${d(e).organizationId}, ${d(e).kind}) ble registrert`,
    en: `The organisation “${d(e).name}” (${d(e).organizationId}, ${d(e).kind}) was registered`,
  }),
  OrganizationRenamed: (e) => ({
    nb: `Organisasjonen ${d(e).organizationId} fikk navnet «${d(e).name}» fra ${d(e).from}`,
    en: `The organisation ${d(e).organizationId} was renamed “${d(e).name}” from ${d(e).from}`,
  }),
  OrganizationRoleGranted: (e) => ({
    nb: `${d(e).organizationId} fikk rollen ${d(e).role} fra ${d(e).from}`,
    en: `${d(e).organizationId} was given the role ${d(e).role} from ${d(e).from}`,
  }),
  OrganizationRoleEnded: (e) => ({
    nb: `${d(e).organizationId} har ikke lenger rollen ${d(e).role} fra ${d(e).until}: ${d(e).reason}`,
    en: `${d(e).organizationId} no longer holds the role ${d(e).role} from ${d(e).until}: ${d(e).reason}`,
  }),
  PoliceDistrictRegistered: (e) => ({
    nb: `${d(e).organizationId} ble ført i registeret over politidistrikter fra ${d(e).from}`,
    en: `${d(e).organizationId} was entered in the register of police districts from ${d(e).from}`,
  }),
  PoliceDistrictsMerged: (e) => {
    const merged = ((e.data as { mergedOrganizationIds?: string[] }).mergedOrganizationIds ?? []).join(', ');
    return {
      nb: `Politidistriktene ${merged} ble slått sammen med ${d(e).intoOrganizationId} fra ${d(e).on}`,
      en: `The police districts ${merged} merged into ${d(e).intoOrganizationId} from ${d(e).on}`,
    };
  },
  OrganizationAdmittedToGroup: (e) => ({
    nb: `${d(e).organizationId} ble tatt opp i ${group(e, 'nb')} fra ${d(e).effectiveFrom}`,
    en: `${d(e).organizationId} was admitted to ${group(e, 'en')} from ${d(e).effectiveFrom}`,
  }),
  OrganizationLeftGroup: (e) => ({
    nb: `${d(e).organizationId} gikk ut av ${group(e, 'nb')} fra ${d(e).effectiveFrom}: ${d(e).reason}`,
    en: `${d(e).organizationId} left ${group(e, 'en')} from ${d(e).effectiveFrom}: ${d(e).reason}`,
  }),
  RepresentativeAdded: (e) => ({
    nb: `Representant ${d(e).representativeId} ble lagt til for ${d(e).organizationId} (navn og e-post kryptert)`,
    en: `Representative ${d(e).representativeId} was added for ${d(e).organizationId} (name and e-mail encrypted)`,
  }),
  RepresentativeRemoved: (e) => ({
    nb: `Representant ${d(e).representativeId} for ${d(e).organizationId} ble fjernet`,
    en: `Representative ${d(e).representativeId} of ${d(e).organizationId} was removed`,
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
