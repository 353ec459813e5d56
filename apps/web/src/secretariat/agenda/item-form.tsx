import type { FormEvent, ReactNode } from 'react';
import { Button, Checkbox, Field, Heading, Label, List, Select, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { measuresText, parseMeasures } from './agenda-edits';

/** What the secretariat types for an agenda item, kept as typed until the server accepts it. */
export interface ItemDraft {
  readonly title: string;
  readonly description: string;
  readonly presentingOrganizationId: string;
  /** The measure numbers as typed ("6, 34"); the list below writes here too. */
  readonly measures: string;
}

export const EMPTY_DRAFT: ItemDraft = { title: '', description: '', presentingOrganizationId: '', measures: '' };

export type ItemErrors = Partial<Record<'title' | 'description' | 'measures', string>>;

/** The checks made before anything is sent: the same rules the server applies. */
export function checkDraft(draft: ItemDraft, t: ReturnType<typeof useI18n>['t']): ItemErrors {
  const errors: ItemErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = t('refusal.TITLE_REQUIRED');
  else if (title.length > 300) errors.title = t('refusal.TITLE_TOO_LONG');
  const { invalid } = parseMeasures(draft.measures);
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
  readonly measures: ReadonlyArray<{ number: number; label: string }>;
  /** A notice above the buttons: a conflict, or the server's refusal. */
  readonly children?: ReactNode;
}

/** Title, description, presenting organisation and cited measures of an agenda item. */
export function ItemForm({ id, heading, draft, onChange, errors, submitLabel, busy, onSubmit, onCancel, organizations, measures, children }: ItemFormProps) {
  const { t } = useI18n();
  const chosen = parseMeasures(draft.measures).numbers;
  const toggle = (n: number) => onChange({ ...draft, measures: measuresText(chosen.includes(n) ? chosen.filter((m) => m !== n) : [...chosen, n]) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="kom-form" aria-labelledby={`${id}-title`} noValidate>
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
          {chosen.map((n) => (
            <List.Item key={n}>{t('measure.numbered', { number: n, label: measures.find((m) => m.number === n)?.label ?? '' })}</List.Item>
          ))}
        </List.Unordered>
      )}
      <details>
        <summary>{t('secretariat.agenda.form.measuresList', { count: measures.length })}</summary>
        <div className="kom-measures">
          {measures.map((m) => (
            <Checkbox
              key={m.number}
              value={String(m.number)}
              label={t('measure.numbered', { number: m.number, label: m.label })}
              checked={chosen.includes(m.number)}
              onChange={() => toggle(m.number)}
            />
          ))}
        </div>
      </details>
      {children}
      <div className="kom-actions">
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
