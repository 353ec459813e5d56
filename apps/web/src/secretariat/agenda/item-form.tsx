import type { FormEvent, ReactNode } from 'react';
import { Button, Checkbox, Field, Fieldset, Heading, Label, List, Select, Textfield } from '@digdir/designsystemet-react';
import { measureKey, measureText, newestPlansFirst, sameMeasure, type CitedMeasure, type PlanChoice } from '../../components/measure-catalogue';
import { useI18n } from '../../i18n/i18n';
import { measuresText, parseMeasures } from './agenda-edits';
import { SteadyButton } from '../../components/steady-button';

/** What the secretariat types for an agenda item, kept as typed until the server accepts it. */
export interface ItemDraft {
  readonly title: string;
  readonly description: string;
  readonly presentingOrganizationId: string;
  /** The measures as typed ("6, 34, 1 (2006–2009)"); the list below writes here too. */
  readonly measures: string;
}

export const EMPTY_DRAFT: ItemDraft = { title: '', description: '', presentingOrganizationId: '', measures: '' };

export type ItemErrors = Partial<Record<'title' | 'description' | 'measures', string>>;

/** The checks made before anything is sent: the same rules the server applies. */
export function checkDraft(draft: ItemDraft, plans: readonly PlanChoice[], t: ReturnType<typeof useI18n>['t']): ItemErrors {
  const errors: ItemErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = t('refusal.TITLE_REQUIRED');
  else if (title.length > 300) errors.title = t('refusal.TITLE_TOO_LONG');
  const { invalid } = parseMeasures(draft.measures, plans);
  if (invalid.length > 0) errors.measures = t('secretariat.agenda.form.measuresInvalid', { values: invalid.join(', ') });
  return errors;
}

interface ItemFormProps {
  readonly id: string;
  readonly heading: string;
  readonly draft: ItemDraft;
  readonly onChange: (draft: ItemDraft) => void;
  readonly errors: ItemErrors;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  readonly onCancel?: () => void;
  readonly organizations: ReadonlyArray<{ id: string; name: string }>;
  readonly plans: readonly PlanChoice[];
  /** A notice above the buttons: a conflict, or the server's refusal. */
  readonly children?: ReactNode;
}

/** Title, description, presenting organisation and cited measures of an agenda item. */
export function ItemForm({ id, heading, draft, onChange, errors, submitLabel, busy, onSubmit, onCancel, organizations, plans, children }: ItemFormProps) {
  const { t } = useI18n();
  const chosen = parseMeasures(draft.measures, plans).measures;
  const isChosen = (m: CitedMeasure) => chosen.some((c) => sameMeasure(c, m));
  const toggle = (m: CitedMeasure) => onChange({ ...draft, measures: measuresText(isChosen(m) ? chosen.filter((c) => !sameMeasure(c, m)) : [...chosen, m]) });
  const newestFirst = newestPlansFirst(plans);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form id={id} onSubmit={submit} className="kom-form" aria-labelledby={`${id}-title`} noValidate>
      <Heading level={2} data-size="sm" id={`${id}-title`}>
        {heading}
      </Heading>
      <Textfield label={t('secretariat.agenda.form.title')} value={draft.title} onChange={(e) => onChange({ ...draft, title: e.target.value })} error={errors.title} />
      <Textfield
        multiline
        rows={3}
        label={t('secretariat.agenda.form.description')}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.target.value })}
        error={errors.description}
      />
      <Field>
        <Label>{t('secretariat.agenda.form.presenter')}</Label>
        <Select value={draft.presentingOrganizationId} onChange={(e) => onChange({ ...draft, presentingOrganizationId: e.target.value })}>
          <Select.Option value="">{t('secretariat.agenda.form.noPresenter')}</Select.Option>
          {organizations.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        label={t('secretariat.agenda.form.measures')}
        description={t('secretariat.agenda.form.measuresHint')}
        value={draft.measures}
        onChange={(e) => onChange({ ...draft, measures: e.target.value })}
        error={errors.measures}
      />
      {chosen.length > 0 && (
        <List.Unordered aria-label={t('secretariat.agenda.form.measuresChosen')}>
          {chosen.map((m) => (
            <List.Item key={measureKey(m)}>{measureText(t, plans, m)}</List.Item>
          ))}
        </List.Unordered>
      )}
      <details>
        <summary>{t('secretariat.agenda.form.measuresList', { count: plans.reduce((n, p) => n + p.measures.length, 0) })}</summary>
        {newestFirst.map((plan) => (
          <Fieldset key={plan.id}>
            <Fieldset.Legend>{t('measurePicker.plan', { title: plan.title, count: plan.measures.length })}</Fieldset.Legend>
            <div className="kom-measures">
              {plan.measures.map(({ number }) => (
                <Checkbox
                  key={number}
                  value={`${plan.id}/${number}`}
                  label={measureText(t, plans, { plan: plan.id, number })}
                  checked={isChosen({ plan: plan.id, number })}
                  onChange={() => toggle({ plan: plan.id, number })}
                />
              ))}
            </div>
          </Fieldset>
        ))}
      </details>
      {children}
      <div className="kom-actions">
        <SteadyButton type="submit" unavailable={busy}>
          {submitLabel}
        </SteadyButton>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
