import type { AuditSummaries, AuditSummaryInput } from '@kom/platform';

const d = (event: AuditSummaryInput) => event.data as { number: number; titleNb: string; titleEn: string; area: string };

/** Readable audit-trail lines for the action plan's measures (NB and EN). */
export const measureAuditSummaries: AuditSummaries = {
  MeasureRecorded: (e) => ({
    nb: `Tiltak ${d(e).number} ble registrert: «${d(e).titleNb}»`,
    en: `Measure ${d(e).number} was recorded: “${d(e).titleEn}”`,
  }),
};
