import { useState } from 'react';
import { Checkbox, Details, Fieldset, Paragraph, Search, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { newestPlansFirst, sameMeasure, sortMeasures, type CitedMeasure, type PlanChoice } from './measure-catalogue';

interface MeasurePickerProps {
  readonly plans: readonly PlanChoice[];
  readonly value: readonly CitedMeasure[];
  readonly onChange: (next: CitedMeasure[]) => void;
  /** The fieldset's name, and a line under it (how many are chosen, what is chosen to begin with). */
  readonly legend: string;
  readonly help: string;
  readonly error?: string;
  /** The search field's name, when the form has its own words for it. */
  readonly searchLabel?: string;
}

/**
 * The action plans' measures to cite, grouped by plan: search by number or words, tick any number of
 * them. The newest plan is open; an earlier plan folds away unless a search finds something in it or
 * one of its measures is chosen, so a measure number never stands twice in view.
 */
export function MeasurePicker({ plans, value, onChange, legend, help, error, searchLabel }: MeasurePickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  // Earlier plans the reader opened, or that hold a measure chosen to begin with.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(value.map((m) => m.plan)));
  const words = search.trim().toLowerCase();
  const ordered = newestPlansFirst(plans);
  const chosen = (plan: string, number: number) => value.some((m) => sameMeasure(m, { plan, number }));
  const toggle = (plan: string, number: number) =>
    onChange(chosen(plan, number) ? value.filter((m) => !sameMeasure(m, { plan, number })) : sortMeasures(plans, [...value, { plan, number }]));
  const shownOf = (plan: PlanChoice) =>
    words ? plan.measures.filter((m) => String(m.number) === words || m.label.toLowerCase().includes(words) || chosen(plan.id, m.number)) : plan.measures;
  const boxes = (plan: PlanChoice, shown: PlanChoice['measures']) => (
    <div className="kom-measures">
      {shown.map((m) => (
        <Checkbox
          key={m.number}
          label={t('measure.numbered', { number: m.number, label: m.label })}
          checked={chosen(plan.id, m.number)}
          onChange={() => toggle(plan.id, m.number)}
        />
      ))}
    </div>
  );
  const anyShown = ordered.some((p) => shownOf(p).length > 0);
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{help}</Fieldset.Description>
      <Search>
        <Search.Input aria-label={searchLabel ?? t('measurePicker.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Search.Clear aria-label={t('action.clearSearch')} onClick={() => setSearch('')} />
      </Search>
      {ordered.map((plan, index) => {
        const shown = shownOf(plan);
        if (shown.length === 0) return null;
        const heading = t('measurePicker.plan', { title: plan.title, count: plan.measures.length });
        if (index === 0)
          return (
            <Fieldset key={plan.id}>
              <Fieldset.Legend>{heading}</Fieldset.Legend>
              {boxes(plan, shown)}
            </Fieldset>
          );
        const open = words !== '' || opened.has(plan.id);
        return (
          <Details
            key={plan.id}
            open={open}
            onToggle={(e) => {
              const isOpen = (e.target as HTMLDetailsElement).open;
              if (isOpen !== opened.has(plan.id)) setOpened((now) => (isOpen ? new Set([...now, plan.id]) : new Set([...now].filter((id) => id !== plan.id))));
            }}
          >
            <Details.Summary>{heading}</Details.Summary>
            <Details.Content>
              <Fieldset>
                <Fieldset.Legend className="kom-visually-hidden">{plan.title}</Fieldset.Legend>
                {boxes(plan, shown)}
              </Fieldset>
            </Details.Content>
          </Details>
        );
      })}
      {!anyShown && <Paragraph data-size="sm">{t('measurePicker.none')}</Paragraph>}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
