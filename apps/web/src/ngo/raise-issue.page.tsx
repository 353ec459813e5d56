import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Checkbox, ErrorSummary, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage,
} from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { refusalOf, type Refusal } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { asRefInputs, type CitedMeasure } from '../components/measure-catalogue';
import { MeasurePicker } from '../components/measure-picker';
import { Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { RaiseIssueChoicesDocument, SubmitIssueDocument, type IssueCategory } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { looksLikeNationalIdNumber } from './national-id-hint';
import { useDraft } from './use-draft';
import { SteadyButton } from '../components/steady-button';
import { useFocusInvalid } from '../components/use-focus-back';

interface Draft {
  title: string;
  description: string;
  category: IssueCategory | '';
  /** Kept in the browser between visits: (plan, number) pairs, so an older plan's measure stays itself. */
  measures: CitedMeasure[];
  citedIssueIds: string[];
  urgencyReason: string;
}

const EMPTY: Draft = { title: '', description: '', category: '', measures: [], citedIssueIds: [], urgencyReason: '' };
type TextField = 'title' | 'description' | 'urgencyReason';
const TEXT_FIELDS: readonly TextField[] = ['title', 'description', 'urgencyReason'];
/** The element id of a field, where the focus goes when it is refused. */
const fieldId = (field: TextField | 'category') => `raise-field-${field}`;

export function RaiseIssuePage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  useTitle(t('ngo.raise.title'));
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`raise-issue.${user.userId}`, EMPTY);
  const [missingCategory, setMissingCategory] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const choices = useQuery(RaiseIssueChoicesDocument, { variables: { organizationId: user.organizationId, lang } });
  const [submit, { loading: sending }] = useMutation(SubmitIssueDocument);
  const focusInvalid = useFocusInvalid();

  const update = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    if (refusal?.field && refusal.field in change) setRefusal(undefined);
  };
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  // The server names the field it refuses; the reason is shown there, in the user's language.
  const serverError = (field: TextField) =>
    refusal?.field === field ? (t.maybe(`refusal.${refusal.reason}`) ?? t('refusal.generic')) : undefined;
  const hint = (field: TextField) => (looksLikeNationalIdNumber(draft[field]) ? t('ngo.raise.nationalIdHint') : undefined);
  const fieldError = (field: TextField) => serverError(field) ?? hint(field);
  const otherRefusal = refusal && !(refusal.field && (TEXT_FIELDS as readonly string[]).includes(refusal.field)) ? refusal : undefined;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.category) {
      setMissingCategory(true);
      focusInvalid(fieldId('category'));
      return;
    }
    setRefusal(undefined);
    try {
      const result = await submit({
        variables: {
          input: {
            organizationId: user.organizationId,
            title: draft.title,
            description: draft.description,
            category: draft.category,
            citedMeasureRefs: asRefInputs(draft.measures),
            citedIssueIds: draft.citedIssueIds,
            urgencyReason: draft.urgencyReason.trim() || undefined,
          },
        },
      });
      const id = result.data?.submitIssue.id;
      clearDraft();
      if (id) navigate(`/ngo/issues/${id}`, { state: { raised: true } });
    } catch (error) {
      const refused = refusalOf(error) ?? { code: 'NETWORK', reason: undefined, field: undefined };
      setRefusal(refused);
      // Refused at a field: the focus goes there, so the reason is heard with it. Any other refusal
      // shows in the error summary above the form, which takes the focus itself.
      const field = TEXT_FIELDS.find((f) => f === refused.field);
      if (field) focusInvalid(fieldId(field));
    }
  };

  if (choices.loading && !choices.data) return <Loading />;
  if (choices.error && !choices.data) return <PageError title={t('ngo.raise.title')} error={choices.error} onRetry={() => void choices.refetch()} />;
  const categories = choices.data?.categories ?? [];
  const ourIssues = choices.data?.issues.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="raise-title">
      <Heading level={1} id="raise-title">
        {t('ngo.raise.title')}
      </Heading>
      <Paragraph>{t('ngo.raise.intro')}</Paragraph>
      <Alert data-color="info">
        <Paragraph>{t('ngo.raise.privacy')}</Paragraph>
      </Alert>
      {otherRefusal && (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('ngo.raise.refused')}</ErrorSummary.Heading>
          <Paragraph>
            {otherRefusal.code === 'NETWORK' ? t('refusal.network') : (t.maybe(`refusal.${otherRefusal.reason}`) ?? t('refusal.generic'))}
          </Paragraph>
        </ErrorSummary>
      )}
      <form onSubmit={(e) => void send(e)} noValidate>
        <div className="kom-form">
          <Textfield id={fieldId('title')} label={t('ngo.raise.field.title')} value={draft.title} required onChange={(e) => update({ title: e.target.value })} error={fieldError('title')} />
          <Textfield
            id={fieldId('description')}
            multiline
            rows={6}
            label={t('ngo.raise.field.description')}
            description={t('ngo.raise.field.descriptionHelp')}
            value={draft.description}
            required
            onChange={(e) => update({ description: e.target.value })}
            error={fieldError('description')}
          />
          <Field>
            <Label>{t('ngo.raise.field.category')}</Label>
            <Select
              id={fieldId('category')}
              value={draft.category}
              required
              aria-invalid={missingCategory && !draft.category ? true : undefined}
              onChange={(e) => {
                setMissingCategory(false);
                update({ category: e.target.value as IssueCategory | '' });
              }}
            >
              <Select.Option value="">{t('ngo.raise.field.categoryChoose')}</Select.Option>
              {categories.map((c) => (
                <Select.Option key={c.key} value={c.key}>
                  {language === 'en' ? c.en : c.nb}
                </Select.Option>
              ))}
            </Select>
            {missingCategory && !draft.category && <ValidationMessage>{t('ngo.raise.field.categoryMissing')}</ValidationMessage>}
          </Field>
          <MeasurePicker
            plans={choices.data?.actionPlans ?? []}
            value={draft.measures}
            onChange={(measures) => update({ measures })}
            legend={t('ngo.raise.field.measures')}
            help={t('ngo.raise.field.measuresHelp', { count: draft.measures.length })}
            searchLabel={t('ngo.raise.field.measuresSearch')}
          />
          {ourIssues.length > 0 && (
            <Fieldset>
              <Fieldset.Legend>{t('ngo.raise.field.issues')}</Fieldset.Legend>
              {ourIssues.map((issue) => (
                <Checkbox
                  key={issue.id}
                  label={issue.title}
                  checked={draft.citedIssueIds.includes(issue.id)}
                  onChange={() => update({ citedIssueIds: toggle(draft.citedIssueIds, issue.id) })}
                />
              ))}
            </Fieldset>
          )}
          <Textfield
            id={fieldId('urgencyReason')}
            multiline
            rows={2}
            label={t('ngo.raise.field.urgency')}
            description={t('ngo.raise.field.urgencyHelp')}
            value={draft.urgencyReason}
            onChange={(e) => update({ urgencyReason: e.target.value })}
            error={fieldError('urgencyReason')}
          />
          <Paragraph data-size="sm">{t('ngo.raise.draftKept')}</Paragraph>
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={sending}>
              {sending ? t('ngo.raise.sending') : t('ngo.raise.submit')}
            </SteadyButton>
            <Button type="button" variant="tertiary" onClick={clearDraft}>
              {t('ngo.raise.clear')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}
