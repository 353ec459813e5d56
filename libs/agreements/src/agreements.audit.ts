import { auditDay, named, type AuditNames, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';

type Data = Record<string, unknown>;
const d = (event: AuditSummaryInput) => event.data as Data;
const s = (value: unknown) => String(value ?? '');
const parties = (e: AuditSummaryInput, lang: 'nb' | 'en') =>
  ((d(e).parties as Array<{ organizationId: string }> | undefined) ?? []).map((p) => named(e, 'organization', p.organizationId, lang)).join(', ');

/** Readable audit-trail lines for cooperation agreements (NB and EN). */
export const agreementAuditSummaries: AuditSummaries = {
  AgreementDrafted: (e) => ({
    nb: `Utkast til samarbeidsavtale «${s(d(e).title)}» mellom ${parties(e, 'nb')} (versjon ${s(d(e).version)})`,
    en: `Draft cooperation agreement “${s(d(e).title)}” between ${parties(e, 'en')} (version ${s(d(e).version)})`,
  }),
  AgreementAmended: (e) => ({
    nb: `Samarbeidsavtale ${named(e, 'agreement', d(e).agreementId, 'nb')} endret: versjon ${s(d(e).version)} bygger på versjon ${s(d(e).basedOnVersion)}`,
    en: `Cooperation agreement ${named(e, 'agreement', d(e).agreementId, 'en')} amended: version ${s(d(e).version)} based on version ${s(d(e).basedOnVersion)}`,
  }),
  AgreementProposedForSignature: (e) => ({
    nb: `Versjon ${s(d(e).version)} av samarbeidsavtale ${named(e, 'agreement', d(e).agreementId, 'nb')} lagt fram for signering`,
    en: `Version ${s(d(e).version)} of cooperation agreement ${named(e, 'agreement', d(e).agreementId, 'en')} proposed for signature`,
  }),
  AgreementSigned: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} signerte versjon ${s(d(e).version)} av samarbeidsavtale ${named(e, 'agreement', d(e).agreementId, 'nb')} (${s(d(e).signedBy)})`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} signed version ${s(d(e).version)} of cooperation agreement ${named(e, 'agreement', d(e).agreementId, 'en')} (${s(d(e).signedBy)})`,
  }),
  AgreementRenewed: (e) => ({
    nb: `Samarbeidsavtale ${named(e, 'agreement', d(e).agreementId, 'nb')} fornyet til ${auditDay(d(e).expiresOn, 'nb')} (versjon ${s(d(e).version)})`,
    en: `Cooperation agreement ${named(e, 'agreement', d(e).agreementId, 'en')} renewed until ${auditDay(d(e).expiresOn, 'en')} (version ${s(d(e).version)})`,
  }),
  AgreementTerminated: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} sa opp samarbeidsavtale ${named(e, 'agreement', d(e).agreementId, 'nb')} fra ${auditDay(d(e).effectiveOn, 'nb')}: ${s(d(e).reason)}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} terminated cooperation agreement ${named(e, 'agreement', d(e).agreementId, 'en')} from ${auditDay(d(e).effectiveOn, 'en')}: ${s(d(e).reason)}`,
  }),
};

/** An agreement is named by its title, as it stood at each entry (an amendment may retitle it). */
export const agreementAuditNames: AuditNames = {
  agreement: { AgreementDrafted: (data) => String(data.title ?? ''), AgreementAmended: (data) => String(data.title ?? '') },
};
