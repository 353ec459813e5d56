import { auditDay, auditLabel, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';
import { MEASURE_STATUS_LABELS } from './graphql/action-plan.types';

const d = (event: AuditSummaryInput) =>
  event.data as { planId?: string; number: number; titleNb: string; titleEn: string; from: number | string; to: number; year: number; status: string };
const plan = (e: AuditSummaryInput) => d(e).planId ?? '2011-2014';

/** Readable audit-trail lines for the action plans and their measures (NB and EN). */
export const measureAuditSummaries: AuditSummaries = {
  MeasureRecorded: (e) => ({
    nb: `Tiltak ${d(e).number} ble registrert: «${d(e).titleNb}»`,
    en: `Measure ${d(e).number} was recorded: “${d(e).titleEn}”`,
  }),
  ActionPlanRegistered: (e) => ({
    nb: `Handlingsplanen «${d(e).titleNb}» (${d(e).from}–${d(e).to}) ble registrert`,
    en: `The action plan “${d(e).titleEn}” (${d(e).from}–${d(e).to}) was registered`,
  }),
  PlanMeasureRecorded: (e) => ({
    nb: `Tiltak ${d(e).number} i plan ${plan(e)} ble registrert: «${d(e).titleNb}»`,
    en: `Measure ${d(e).number} of plan ${plan(e)} was recorded: “${d(e).titleEn}”`,
  }),
  PlanMeasureRevised: (e) => ({
    nb: `Tiltak ${d(e).number} i plan ${plan(e)} fikk ny ordlyd fra ${auditDay(d(e).from, 'nb')}`,
    en: `Measure ${d(e).number} of plan ${plan(e)} was revised from ${auditDay(d(e).from, 'en')}`,
  }),
  MeasureStatusRecorded: (e) => ({
    nb: `Status for tiltak ${d(e).number} i plan ${plan(e)} i ${d(e).year}: ${auditLabel(MEASURE_STATUS_LABELS, d(e).status, 'nb')}`,
    en: `Status of measure ${d(e).number} of plan ${plan(e)} in ${d(e).year}: ${auditLabel(MEASURE_STATUS_LABELS, d(e).status, 'en')}`,
  }),
};
