import { Select } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { measureNumberText, measureOptionValue, newestPlansFirst, parseMeasureOption, plansHave, type PlanChoice } from './measure-catalogue';

/**
 * A filter's choice of measure: every plan's measures, the newest plan first, each plan an
 * `<optgroup>` named by its title. An option reads as the measure is shown elsewhere ("Tiltak 5: …",
 * "Tiltak 1 (2006–2009): …"), so the closed select still says which plan it means.
 *
 * `selected`: the filter's value as the URL holds it. A link may name a measure no plan has (a typo,
 * an old link); the filter then finds nothing, and the select must say what it filters on rather
 * than fall back to its first option ("every measure") over an empty list, so that one gets an
 * option of its own saying that no plan has it.
 */
export function MeasureOptions({ plans, selected }: { readonly plans: readonly PlanChoice[] | undefined; readonly selected?: string | null }) {
  const { t } = useI18n();
  const newestFirst = newestPlansFirst(plans ?? []);
  const asked = parseMeasureOption(selected);
  const unknown = plans && asked && !plansHave(plans, asked) ? asked : undefined;
  return (
    <>
      {unknown && <Select.Option value={measureOptionValue(unknown)}>{t('measure.unknownChoice', { number: measureNumberText(unknown) })}</Select.Option>}
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
