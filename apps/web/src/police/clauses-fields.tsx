import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

export type Clauses = Record<string, { nb: string; en: string }>;

/** One Norwegian (binding) and one English text per section of the agreement. */
export function ClausesFields({ sections, clauses, onChange, errorSection }: {
  sections: ReadonlyArray<{ key: string; nb: string; en: string }>;
  clauses: Clauses;
  onChange: (clauses: Clauses) => void;
  errorSection?: { key: string; text: string };
}) {
  const { t, language } = useI18n();
  const set = (key: string, lang: 'nb' | 'en', value: string) => onChange({ ...clauses, [key]: { ...(clauses[key] ?? { nb: '', en: '' }), [lang]: value } });
  return (
    <>
      {sections.map((section) => (
        <Fieldset key={section.key}>
          <Fieldset.Legend>{section[language]}</Fieldset.Legend>
          <Textfield
            multiline
            rows={3}
            label={t('police.form.clauseNb')}
            value={clauses[section.key]?.nb ?? ''}
            onChange={(e) => set(section.key, 'nb', e.target.value)}
            error={errorSection?.key === section.key ? errorSection.text : undefined}
          />
          <Textfield multiline rows={2} label={t('police.form.clauseEn')} value={clauses[section.key]?.en ?? ''} onChange={(e) => set(section.key, 'en', e.target.value)} />
        </Fieldset>
      ))}
    </>
  );
}

/** The clauses as the API takes them: sections with Norwegian text, English where written. */
export function clauseInputs(clauses: Clauses) {
  return Object.entries(clauses)
    .filter(([, c]) => c.nb.trim() !== '')
    .map(([section, c]) => ({ section: section as never, nb: c.nb.trim(), en: c.en.trim() || null }));
}
