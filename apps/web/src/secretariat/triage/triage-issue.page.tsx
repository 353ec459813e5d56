import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Field, Heading, Label, List, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AppLink } from '../../components/router-link';
import { Loading, PageError } from '../../components/states';
import { useTitle } from '../../components/use-title';
import {
  TriageDeclineDocument,
  TriageForwardDocument,
  TriageIssueDocument,
  TriageMarkDuplicateDocument,
  TriageOptionsDocument,
  TriagePlaceDocument,
} from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { measureNumbersText } from '../../components/measure-catalogue';
import { MessageNotices } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useKeptState } from '../../components/use-kept-state';

type Message = { kind: 'success' | 'danger' | 'warning'; text: string };
const FINAL = new Set(['RESOLVED', 'WITHDRAWN', 'CLOSED']);

/** One issue of the queue: place it before the reference group, forward it, decline it, or merge it into its original. */
export function TriageIssuePage() {
  const { id = '' } = useParams();
  const { t, lang, language } = useI18n();
  const [from] = useState(() => new Date().toISOString());
  const { data, loading, error, refetch } = useQuery(TriageIssueDocument, { variables: { id, lang }, fetchPolicy: 'cache-and-network' });
  const options = useQuery(TriageOptionsDocument, { variables: { lang, from } });
  useTitle(data?.issue?.title ?? t('secretariat.triage.issue.title'));
  const [message, setMessage] = useState<Message | undefined>();
  /** What was typed for a step the issue, closed meanwhile, can no longer take: shown read-only so it is not lost. */
  const [unsaved, setUnsaved] = useState<string | undefined>();
  const [meetingId, setMeetingId] = useKeptState('place.meeting', '');
  const [decision, setDecision] = useKeptState('forward.decision', '');
  const [rationale, setRationale] = useKeptState('forward.rationale', '');
  const [reason, setReason] = useKeptState('decline.reason', '');
  const [originalId, setOriginalId] = useKeptState('duplicate.original', '');
  const [duplicateReason, setDuplicateReason] = useKeptState('duplicate.reason', '');
  const [errors, setErrors] = useState<Partial<Record<'meeting' | 'decision' | 'reason' | 'original' | 'duplicateReason', string>>>({});
  const [confirming, setConfirming] = useKeptState<'decline' | 'duplicate' | undefined>('confirming', undefined);
  const [place, placing] = useMutation(TriagePlaceDocument);
  const [forward, forwarding] = useMutation(TriageForwardDocument);
  const [decline, declining] = useMutation(TriageDeclineDocument);
  const [markDuplicate, marking] = useMutation(TriageMarkDuplicateDocument);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.triage.issue.title')} error={error} onRetry={() => void refetch()} />;
  const issue = data?.issue;
  if (!issue) {
    return (
      <section aria-labelledby="triage-missing" className="kom-stack">
        <Heading level={1} id="triage-missing">
          {t('secretariat.triage.issue.notFound')}
        </Heading>
        <AppLink to="/secretariat/issues">{t('secretariat.triage.backToQueue')}</AppLink>
      </section>
    );
  }
  const names = new Map(options.data?.organizations.edges.map((e) => [e.node.id, e.node.name]));
  const referenceMeetings = (options.data?.meetings.edges.map((e) => e.node) ?? []).filter((m) => m.kind === 'REFERENCE_GROUP' && (m.status === 'SCHEDULED' || m.status === 'PUBLISHED'));
  const candidates = (data?.candidates.edges.map((e) => e.node) ?? []).filter((c) => c.id !== issue.id && c.status !== 'CLOSED' && c.status !== 'WITHDRAWN' && !c.duplicateOfIssueId);
  const original = candidates.find((c) => c.id === originalId);
  const open = !FINAL.has(issue.status);
  const beforeForwarding = issue.status === 'SUBMITTED' || issue.status === 'ON_REFERENCE_AGENDA';
  const reasonText = (e: unknown) => t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic');

  /**
   * A concurrent change: reload and say what the issue is now. While it is open its forms stay, with
   * what was typed; once it is closed (no form left) nothing was saved, and the typed text is shown.
   */
  const changedMeanwhile = async (e: unknown, typed: string) => {
    if (refusalOf(e)?.reason !== 'CONCURRENT_MODIFICATION') return false;
    const fresh = await refetch();
    const now = fresh.data?.issue;
    const closed = now ? FINAL.has(now.status) : false;
    setUnsaved(closed ? typed : undefined);
    setMessage({ kind: 'warning', text: t(closed ? 'secretariat.triage.closedMeanwhile' : 'secretariat.triage.changedMeanwhile', { status: now?.statusLabel ?? '' }) });
    return true;
  };

  const doPlace = async (event: FormEvent) => {
    event.preventDefault();
    if (!meetingId) return setErrors({ meeting: t('secretariat.triage.place.meetingRequired') });
    setErrors({});
    try {
      await place({ variables: { input: { issueId: issue.id, meetingId } } });
      const meeting = referenceMeetings.find((m) => m.id === meetingId);
      setMeetingId('');
      setMessage({ kind: 'success', text: t('secretariat.triage.place.done', { meeting: meeting ? meeting.title : '' }) });
      await refetch();
    } catch (e) {
      setErrors({ meeting: reasonText(e) });
    }
  };

  const doForward = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision.trim()) return setErrors({ decision: t('secretariat.triage.forward.decisionRequired') });
    setErrors({});
    try {
      await forward({ variables: { input: { issueId: issue.id, decision: decision.trim(), rationale: rationale.trim() || null } } });
      setDecision('');
      setRationale('');
      setMessage({ kind: 'success', text: t('secretariat.triage.forward.done') });
      await refetch();
    } catch (e) {
      setErrors({ decision: reasonText(e) });
    }
  };

  const reviewDecline = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: t('refusal.REASON_REQUIRED') });
    setErrors({});
    setConfirming('decline');
  };
  const doDecline = async () => {
    setConfirming(undefined);
    try {
      await decline({ variables: { input: { issueId: issue.id, reason: reason.trim(), expectedRevision: issue.revision } } });
      setReason('');
      setMessage({ kind: 'success', text: t('secretariat.triage.decline.done', { title: issue.title }) });
      await refetch();
    } catch (e) {
      if (!(await changedMeanwhile(e, reason.trim()))) setErrors({ reason: reasonText(e) });
    }
  };

  const reviewDuplicate = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!originalId) found.original = t('secretariat.triage.duplicate.originalRequired');
    if (!duplicateReason.trim()) found.duplicateReason = t('refusal.REASON_REQUIRED');
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming('duplicate');
  };
  const doDuplicate = async () => {
    setConfirming(undefined);
    try {
      await markDuplicate({ variables: { input: { issueId: issue.id, duplicateOfIssueId: originalId, reason: duplicateReason.trim(), expectedRevision: issue.revision } } });
      setDuplicateReason('');
      setMessage({ kind: 'success', text: t('secretariat.triage.duplicate.done', { title: issue.title, original: original?.title ?? '' }) });
      await refetch();
    } catch (e) {
      if (await changedMeanwhile(e, duplicateReason.trim())) return;
      const refusal = refusalOf(e);
      if (refusal?.field === 'duplicateOfIssueId') setErrors({ original: reasonText(e) });
      else setErrors({ duplicateReason: reasonText(e) });
    }
  };

  return (
    <section aria-labelledby="triage-issue-title" className="kom-stack">
      <Paragraph data-size="sm">
        <AppLink to="/secretariat/issues">{t('secretariat.triage.backToQueue')}</AppLink>
      </Paragraph>
      <Heading level={1} id="triage-issue-title">
        {issue.title}
      </Heading>
      <div>
        <Tag data-color={open ? 'info' : 'neutral'}>{issue.statusLabel}</Tag>
      </div>
      <Paragraph>
        {t('secretariat.triage.issue.meta', {
          organization: names.get(issue.organizationId) ?? issue.organizationId,
          when: formatDateTime(issue.submittedAt, language),
          category: issue.categoryLabel,
        })}
      </Paragraph>
      {issue.citedMeasureRefs.length > 0 && <Paragraph data-size="sm">{t('secretariat.triage.measures', { measures: measureNumbersText(issue.citedMeasureRefs) })}</Paragraph>}
      <Paragraph>{issue.description}</Paragraph>
      {issue.urgencyReason && <Paragraph>{t('secretariat.triage.issue.urgency', { reason: issue.urgencyReason })}</Paragraph>}
      {issue.closingReason && <Paragraph>{t('secretariat.triage.issue.closingReason', { reason: issue.closingReason })}</Paragraph>}
      {issue.duplicateOf && (
        <Paragraph>
          {t('secretariat.triage.issue.duplicateOf')} <AppLink to={`/secretariat/issues/${issue.duplicateOf.id}`}>{issue.duplicateOf.title}</AppLink>
        </Paragraph>
      )}
      {issue.duplicates.length > 0 && (
        <section aria-labelledby="duplicates-title">
          <Heading level={2} data-size="xs" id="duplicates-title">
            {t('secretariat.triage.issue.duplicates')}
          </Heading>
          <List.Unordered>
            {issue.duplicates.map((d) => (
              <List.Item key={d.id}>
                <AppLink to={`/secretariat/issues/${d.id}`}>{d.title}</AppLink>
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}
      <MessageNotices message={message} />
      {unsaved && !open && <Textfield multiline readOnly rows={3} label={t('secretariat.triage.unsaved')} value={unsaved} />}

      {beforeForwarding && (
        <form onSubmit={(e) => void doPlace(e)} className="kom-form" aria-labelledby="place-title" noValidate>
          <Heading level={2} data-size="sm" id="place-title">
            {t('secretariat.triage.place.title')}
          </Heading>
          <Field>
            <Label>{t('secretariat.triage.place.meeting')}</Label>
            <Select value={meetingId} onChange={(e) => setMeetingId(e.target.value)} aria-invalid={errors.meeting ? true : undefined}>
              <Select.Option value="">{t('secretariat.triage.place.choose')}</Select.Option>
              {referenceMeetings.map((m) => (
                <Select.Option key={m.id} value={m.id}>
                  {t('secretariat.triage.meetingOption', { title: m.title, when: formatDate(m.startsAt, language) })}
                </Select.Option>
              ))}
            </Select>
            {errors.meeting && <ValidationMessage>{errors.meeting}</ValidationMessage>}
          </Field>
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={placing.loading}>
              {t('secretariat.triage.place.action')}
            </SteadyButton>
          </div>
        </form>
      )}

      {issue.status === 'ON_REFERENCE_AGENDA' && (
        <form onSubmit={(e) => void doForward(e)} className="kom-form" aria-labelledby="forward-title" noValidate>
          <Heading level={2} data-size="sm" id="forward-title">
            {t('secretariat.triage.forward.title')}
          </Heading>
          <Paragraph data-size="sm">{t('secretariat.triage.forward.hint')}</Paragraph>
          <Textfield multiline rows={3} label={t('secretariat.triage.forward.decision')} value={decision} onChange={(e) => setDecision(e.target.value)} error={errors.decision} />
          <Textfield multiline rows={2} label={t('secretariat.triage.forward.rationale')} value={rationale} onChange={(e) => setRationale(e.target.value)} />
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={forwarding.loading}>
              {t('secretariat.triage.forward.action')}
            </SteadyButton>
          </div>
        </form>
      )}

      {open && (
        <form onSubmit={reviewDecline} className="kom-form" aria-labelledby="decline-title" noValidate>
          <Heading level={2} data-size="sm" id="decline-title">
            {t('secretariat.triage.decline.title')}
          </Heading>
          <Textfield multiline rows={3} label={t('secretariat.triage.decline.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
          <div className="kom-actions">
            <SteadyButton type="submit" variant="secondary" data-color="danger" unavailable={declining.loading}>
              {t('secretariat.triage.decline.action')}
            </SteadyButton>
          </div>
        </form>
      )}

      {open && (
        <form onSubmit={reviewDuplicate} className="kom-form" aria-labelledby="duplicate-title" noValidate>
          <Heading level={2} data-size="sm" id="duplicate-title">
            {t('secretariat.triage.duplicate.title')}
          </Heading>
          <Field>
            <Label>{t('secretariat.triage.duplicate.original')}</Label>
            <Select value={originalId} onChange={(e) => setOriginalId(e.target.value)} aria-invalid={errors.original ? true : undefined}>
              <Select.Option value="">{t('secretariat.triage.duplicate.choose')}</Select.Option>
              {candidates.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.title}
                </Select.Option>
              ))}
            </Select>
            {errors.original && <ValidationMessage>{errors.original}</ValidationMessage>}
          </Field>
          <Textfield multiline rows={2} label={t('secretariat.triage.duplicate.reason')} value={duplicateReason} onChange={(e) => setDuplicateReason(e.target.value)} error={errors.duplicateReason} />
          <div className="kom-actions">
            <SteadyButton type="submit" variant="secondary" data-color="danger" unavailable={marking.loading}>
              {t('secretariat.triage.duplicate.action')}
            </SteadyButton>
          </div>
        </form>
      )}

      <ConfirmDialog
        open={confirming === 'decline'}
        title={t('secretariat.triage.decline.confirmTitle', { title: issue.title })}
        consequence={t('secretariat.triage.decline.confirmBody', { organization: names.get(issue.organizationId) ?? issue.organizationId })}
        confirmLabel={t('secretariat.triage.decline.confirmAction')}
        busy={declining.loading}
        onConfirm={() => void doDecline()}
        onCancel={() => setConfirming(undefined)}
      />
      <ConfirmDialog
        open={confirming === 'duplicate'}
        title={t('secretariat.triage.duplicate.confirmTitle', { title: issue.title })}
        consequence={t('secretariat.triage.duplicate.confirmBody', { original: original?.title ?? '' })}
        confirmLabel={t('secretariat.triage.duplicate.confirmAction')}
        busy={marking.loading}
        onConfirm={() => void doDuplicate()}
        onCancel={() => setConfirming(undefined)}
      />
    </section>
  );
}
