import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { AppLink } from '../components/router-link';
import { Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { PoliceAgreementChoicesDocument, PoliceDraftAgreementDocument } from '../gql/graphql';
import { osloToday } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ClausesFields, clauseInputs, type Clauses } from './clauses-fields';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';
import { useKeptState } from '../components/use-kept-state';

type FieldErrors = Partial<Record<'title' | 'purpose' | 'parties' | 'effectiveFrom' | 'expiresOn' | 'form', string>>;

/** The police party drafts an agreement with its partners: version 1, a draft only the parties see. */
export function NewAgreementPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  useTitle(t('police.new.title'));
  const { data, loading, error, refetch } = useQuery(PoliceAgreementChoicesDocument);
  const [draft, drafting] = useMutation(PoliceDraftAgreementDocument);
  const [title, setTitle] = useKeptState('title', '');
  const [purpose, setPurpose] = useKeptState('purpose', '');
  const [partners, setPartners] = useKeptState<Record<string, string>>('partners', {});
  const [effectiveFrom, setEffectiveFrom] = useKeptState('effectiveFrom', osloToday());
  const [expiresOn, setExpiresOn] = useKeptState('expiresOn', '');
  const [clauses, setClauses] = useKeptState<Clauses>('clauses', {});
  const [errors, setErrors] = useState<FieldErrors>({});

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('police.new.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const candidates = data.organizations.edges.map((e) => e.node).filter((o) => o.id !== user.organizationId && o.kind !== 'POLICE');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!title.trim()) found.title = t('refusal.TITLE_REQUIRED');
    if (!purpose.trim()) found.purpose = t('police.form.purposeRequired');
    if (Object.keys(partners).length === 0) found.parties = t('police.form.partnersRequired');
    else if (Object.values(partners).some((role) => !role.trim())) found.parties = t('police.form.roleRequired');
    if (expiresOn && expiresOn <= effectiveFrom) found.expiresOn = t('police.form.expiresAfter');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const result = await draft({
        variables: {
          input: {
            title: title.trim(),
            purpose: purpose.trim(),
            parties: [
              { organizationId: user.organizationId, role: t('police.form.policeRole') },
              ...Object.entries(partners).map(([organizationId, role]) => ({ organizationId, role: role.trim() })),
            ],
            clauses: clauseInputs(clauses),
            effectiveFrom,
            expiresOn: expiresOn || null,
          },
        },
      });
      const id = result.data?.draftAgreement.id;
      if (id) navigate(`/police/agreements/${id}`, { state: { drafted: true } });
    } catch (e) {
      setErrors({ form: t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic') });
    }
  };

  return (
    <section aria-labelledby="new-agreement-title" className="kom-stack">
      <AppLink to="/police/agreements">{t('police.back')}</AppLink>
      <Heading level={1} id="new-agreement-title">
        {t('police.new.title')}
      </Heading>
      <Paragraph>{t('police.new.intro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} className="kom-form" noValidate>
        <Textfield label={t('police.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        <Textfield multiline rows={2} label={t('police.form.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={errors.purpose} />
        <Fieldset aria-describedby={errors.parties ? 'partners-error' : undefined}>
          <Fieldset.Legend>{t('police.form.partners')}</Fieldset.Legend>
          <Fieldset.Description>{t('police.form.partnersHint')}</Fieldset.Description>
          <div className="kom-measures">
            {candidates.map((o) => (
              <div key={o.id}>
                <Checkbox
                  label={o.name}
                  value={o.id}
                  checked={o.id in partners}
                  onChange={(e) =>
                    setPartners((current) => {
                      const next = { ...current };
                      if (e.target.checked) next[o.id] = '';
                      else delete next[o.id];
                      return next;
                    })
                  }
                />
                {o.id in partners && (
                  <Textfield label={t('police.form.partnerRole', { organization: o.name })} value={partners[o.id]} onChange={(e) => setPartners({ ...partners, [o.id]: e.target.value })} />
                )}
              </div>
            ))}
          </div>
          {errors.parties && <ValidationMessage id="partners-error">{errors.parties}</ValidationMessage>}
        </Fieldset>
        <Textfield type="date" label={t('police.form.effectiveFrom')} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} error={errors.effectiveFrom} />
        <Textfield type="date" label={t('police.form.expiresOn')} description={t('police.form.expiresHint')} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} error={errors.expiresOn} />
        <Heading level={2} data-size="sm">
          {t('police.form.clauses')}
        </Heading>
        <Paragraph data-size="sm">{t('police.form.clausesHint')}</Paragraph>
        <ClausesFields sections={data.sections} clauses={clauses} onChange={setClauses} />
        <Notice tone="danger" text={errors.form} />
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={drafting.loading}>
            {t('police.new.save')}
          </SteadyButton>
        </div>
      </form>
    </section>
  );
}
