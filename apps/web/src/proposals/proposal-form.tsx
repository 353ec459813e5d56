import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf, type Refusal } from '../apollo/refusal';
import { asRefInputs, type CitedMeasure, type PlanChoice } from '../components/measure-catalogue';
import { MeasurePicker } from '../components/measure-picker';
import { ProposeAgendaItemDocument, type OurProposalFragment } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { newIdempotencyKey } from './proposable';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';
import { useKeptState } from '../components/use-kept-state';

interface Draft {
  readonly meetingId: string;
  readonly title: string;
  readonly description: string;
  readonly citedMeasures: readonly CitedMeasure[];
  readonly citedIssueIds: readonly string[];
}

const EMPTY: Draft = { meetingId: '', title: '', description: '', citedMeasures: [], citedIssueIds: [] };

type Field = 'meeting' | 'title' | 'description' | 'citedMeasures' | 'citedIssueIds';
type Errors = Partial<Record<Field, string>>;

/** Refusals that concern the chosen meeting (the server names no field for them). */
const MEETING_REASONS = new Set(['NOT_A_MEMBER_OF_BODY', 'MEETING_ALREADY_STARTED', 'MEETING_CANCELLED', 'MEETING_NOT_FOUND']);

/** The form field a server refusal belongs to, if any. */
function fieldOf(refusal: Refusal): Field | undefined {
  const field = refusal.field ?? '';
  if (field === 'title' || refusal.reason?.startsWith('TITLE_')) return 'title';
  if (field === 'description') return 'description';
  if (field === 'citedMeasures' || refusal.reason === 'UNKNOWN_MEASURE') return 'citedMeasures';
  if (field === 'citedIssueIds' || refusal.reason === 'ISSUE_NOT_FOUND' || refusal.reason === 'TOO_MANY_ISSUES') return 'citedIssueIds';
  if (field === 'meetingId' || MEETING_REASONS.has(refusal.reason ?? '')) return 'meeting';
  return undefined;
}

export interface ProposableMeeting {
  readonly id: string;
  readonly title: string;
  readonly kindLabel: string;
  readonly startsAt: string;
}

interface ProposalFormProps {
  readonly meetings: readonly ProposableMeeting[];
  readonly plans: readonly PlanChoice[];
  /** The organisation's own issues it may cite; undefined when it raises none (an agency). */
  readonly issues: ReadonlyArray<{ id: string; title: string }> | undefined;
  readonly onSent: (proposal: OurProposalFragment) => void;
}

/**
 * A proposal for a coming meeting's agenda. Checked at the fields before it is sent; the server's
 * refusals show at the field they name, and what was typed stays. Each send carries an idempotency
 * key, kept while the draft is unchanged: a double click or a retry after a lost answer makes one
 * proposal.
 */
export function ProposalForm({ meetings, plans, issues, onSent }: ProposalFormProps) {
  const { t, lang, language } = useI18n();
  const [draft, setDraft] = useKeptState<Draft>('proposal', EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [refused, setRefused] = useState<string | undefined>();
  // Counts the proposals sent: a new one starts with a fresh measure search.
  const [sent, setSent] = useState(0);
  const key = useRef<string | undefined>(undefined);
  const [propose, { loading: sending }] = useMutation(ProposeAgendaItemDocument);

  const update = (change: Partial<Draft>) => {
    // Another draft is another request: a new key for it.
    key.current = undefined;
    setDraft({ ...draft, ...change });
    const touched = Object.keys(change).map((k) => (k === 'meetingId' ? 'meeting' : k));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !touched.includes(field))));
  };
  const toggleIssue = (id: string) =>
    update({ citedIssueIds: draft.citedIssueIds.includes(id) ? draft.citedIssueIds.filter((i) => i !== id) : [...draft.citedIssueIds, id] });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found: Errors = {};
    if (!draft.meetingId) found.meeting = t('proposals.form.meetingMissing');
    const title = draft.title.trim();
    if (!title) found.title = t('refusal.TITLE_REQUIRED');
    else if (title.length > 300) found.title = t('refusal.TITLE_TOO_LONG');
    setErrors(found);
    setRefused(undefined);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.meeting ? 'proposal-meeting' : 'proposal-title')?.focus();
      return;
    }
    key.current ??= newIdempotencyKey();
    try {
      const result = await propose({
        variables: {
          lang,
          input: {
            meetingId: draft.meetingId,
            title,
            description: draft.description.trim() || null,
            citedMeasureRefs: asRefInputs(draft.citedMeasures),
            citedIssueIds: [...draft.citedIssueIds],
            idempotencyKey: key.current,
          },
        },
      });
      key.current = undefined;
      setDraft(EMPTY);
      setSent((n) => n + 1);
      if (result.data) onSent(result.data.proposeAgendaItem);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) {
        setRefused(t('refusal.network'));
        return;
      }
      const text = t.maybe(`refusal.${refusal.reason}`) ?? (refusal.code === 'NOT_FOUND' ? t('proposals.form.meetingGone') : t('refusal.generic'));
      const field = fieldOf(refusal) ?? (refusal.code === 'NOT_FOUND' ? 'meeting' : undefined);
      if (field) setErrors({ [field]: text });
      else setRefused(text);
    }
  };

  return (
    <form onSubmit={(e) => void send(e)} className="kom-form kom-card" aria-labelledby="proposal-form-title" noValidate>
      <Heading level={2} data-size="sm" id="proposal-form-title">
        {t('proposals.form.title')}
      </Heading>
      {meetings.length === 0 ? (
        <Paragraph>{t('proposals.form.noMeetings')}</Paragraph>
      ) : (
        <>
          <Field>
            <Label>{t('proposals.form.meeting')}</Label>
            <Select
              id="proposal-meeting"
              value={draft.meetingId}
              aria-invalid={errors.meeting ? true : undefined}
              onChange={(e) => update({ meetingId: e.target.value })}
            >
              <Select.Option value="">{t('proposals.form.meetingChoose')}</Select.Option>
              {meetings.map((m) => (
                <Select.Option key={m.id} value={m.id}>
                  {t('proposals.form.meetingOption', { title: m.title, body: m.kindLabel, when: formatDateTime(m.startsAt, language) })}
                </Select.Option>
              ))}
            </Select>
            {errors.meeting && <ValidationMessage>{errors.meeting}</ValidationMessage>}
          </Field>
          <Textfield id="proposal-title" label={t('proposals.form.itemTitle')} value={draft.title} required onChange={(e) => update({ title: e.target.value })} error={errors.title} />
          <Textfield
            multiline
            rows={4}
            label={t('proposals.form.description')}
            description={t('proposals.form.descriptionHelp')}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
            error={errors.description}
          />
          <MeasurePicker
            key={sent}
            plans={plans}
            value={draft.citedMeasures}
            onChange={(citedMeasures) => update({ citedMeasures })}
            legend={t('proposals.form.measures')}
            help={t('proposals.form.measuresHelp', { count: draft.citedMeasures.length })}
            error={errors.citedMeasures}
          />
          {issues && (
            <Fieldset>
              <Fieldset.Legend>{t('proposals.form.issues')}</Fieldset.Legend>
              <Fieldset.Description>{t('proposals.form.issuesHelp')}</Fieldset.Description>
              {issues.length === 0 && <Paragraph data-size="sm">{t('proposals.form.noIssues')}</Paragraph>}
              {issues.map((issue) => (
                <Checkbox key={issue.id} label={issue.title} checked={draft.citedIssueIds.includes(issue.id)} onChange={() => toggleIssue(issue.id)} />
              ))}
              {errors.citedIssueIds && <ValidationMessage>{errors.citedIssueIds}</ValidationMessage>}
            </Fieldset>
          )}
          <Notice tone="danger" text={refused} />
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={sending}>
              {sending ? t('proposals.form.sending') : t('proposals.form.send')}
            </SteadyButton>
          </div>
        </>
      )}
    </form>
  );
}
