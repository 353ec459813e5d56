import { Select } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { measureNumberText, measureOptionValue, type PlanChoice } from './measure-catalogue';

/**
 * A filter's choice of measure: every plan's measures, the newest plan first, each plan an
 * `<optgroup>` named by its title. An option reads as the measure is shown elsewhere ("Tiltak 5: …",
 * "Tiltak 1 (2006–2009): …"), so the closed select still says which plan it means.
 */
export function MeasureOptions({ plans }: { readonly plans: readonly PlanChoice[] | undefined }) {
  const { t } = useI18n();
  const newestFirst = [...(plans ?? [])].sort((a, b) => b.from - a.from);
  return (
    <>
      {newestFirst.map((plan) => (
        <Select.Optgroup key={plan.id} label={plan.title}>
          {plan.measures.map((m) => {
            const ref = { plan: plan.id, number: m.number };
            return (
              <Select.Option key={m.number} value={measureOptionValue(ref)}>
                {t('measure.numbered', { number: measureNumberText(ref), label: m.label })}
              </Select.Option>
            );
          })}
        </Select.Optgroup>
      ))}
    </>
  );
}
