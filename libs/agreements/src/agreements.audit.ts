import type { AuditSummaries, AuditSummaryInput } from '@kom/platform';

type Data = Record<string, unknown>;
const d = (event: AuditSummaryInput) => event.data as Data;
const s = (value: unknown) => String(value ?? '');
const parties = (e: AuditSummaryInput) => ((d(e).parties as Array<{ organizationId: string }> | undefined) ?? []).map((p) => p.organizationId).join(', ');

/** Readable audit-trail lines for cooperation agreements (NB and EN). */
export const agreementAuditSummaries: AuditSummaries = {
  AgreementDrafted: (e) => ({
    nb: `Utkast til samarbeidsavtale «${s(d(e).title)}» mellom ${parties(e)} (versjon ${s(d(e).version)})`,
    en: `Draft cooperation agreement “${s(d(e).title)}” between ${parties(e)} (version ${s(d(e).version)})`,
  }),
  AgreementAmended: (e) => ({
    nb: `Samarbeidsavtale ${s(d(e).agreementId)} endret: versjon ${s(d(e).version)} bygger på versjon ${s(d(e).basedOnVersion)}`,
    en: `Cooperation agreement ${s(d(e).agreementId)} amended: version ${s(d(e).version)} based on version ${s(d(e).basedOnVersion)}`,
  }),
  AgreementProposedForSignature: (e) => ({
    nb: `Versjon ${s(d(e).version)} av samarbeidsavtale ${s(d(e).agreementId)} lagt fram for signering`,
    en: `Version ${s(d(e).version)} of cooperation agreement ${s(d(e).agreementId)} proposed for signature`,
  }),
  AgreementSigned: (e) => ({
    nb: `${s(d(e).organizationId)} signerte versjon ${s(d(e).version)} av samarbeidsavtale ${s(d(e).agreementId)} (${s(d(e).signedBy)})`,
    en: `${s(d(e).organizationId)} signed version ${s(d(e).version)} of cooperation agreement ${s(d(e).agreementId)} (${s(d(e).signedBy)})`,
  }),
  AgreementRenewed: (e) => ({
    nb: `Samarbeidsavtale ${s(d(e).agreementId)} fornyet til ${s(d(e).expiresOn)} (versjon ${s(d(e).version)})`,
    en: `Cooperation agreement ${s(d(e).agreementId)} renewed until ${s(d(e).expiresOn)} (version ${s(d(e).version)})`,
  }),
  AgreementTerminated: (e) => ({
    nb: `${s(d(e).organizationId)} sa opp samarbeidsavtale ${s(d(e).agreementId)} fra ${s(d(e).effectiveOn)}: ${s(d(e).reason)}`,
    en: `${s(d(e).organizationId)} terminated cooperation agreement ${s(d(e).agreementId)} from ${s(d(e).effectiveOn)}: ${s(d(e).reason)}`,
  }),
};
