import { useState } from 'react';
import { Checkbox, Fieldset, Paragraph, Search, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

export interface PickableMeasure {
  readonly number: number;
  readonly label: string;
}

interface MeasurePickerProps {
  readonly measures: readonly PickableMeasure[];
  readonly value: readonly number[];
  readonly onChange: (next: number[]) => void;
  /** The fieldset's name, and a line under it (how many are chosen, what is chosen to begin with). */
  readonly legend: string;
  readonly help: string;
  readonly error?: string;
}

/** The action plan's measures to cite: search by number or words, tick any number of them. */
export function MeasurePicker({ measures, value, onChange, legend, help, error }: MeasurePickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const words = search.trim().toLowerCase();
  const shown = words ? measures.filter((m) => String(m.number) === words || m.label.toLowerCase().includes(words) || value.includes(m.number)) : measures;
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{help}</Fieldset.Description>
      <Search>
        <Search.Input aria-label={t('measurePicker.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Search.Clear aria-label={t('action.clearSearch')} onClick={() => setSearch('')} />
      </Search>
      <div className="kom-measures">
        {shown.map((m) => (
          <Checkbox
            key={m.number}
            label={t('measure.numbered', { number: m.number, label: m.label })}
            checked={value.includes(m.number)}
            onChange={() => onChange(value.includes(m.number) ? value.filter((n) => n !== m.number) : [...value, m.number].sort((a, b) => a - b))}
          />
        ))}
        {shown.length === 0 && <Paragraph data-size="sm">{t('measurePicker.none')}</Paragraph>}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
