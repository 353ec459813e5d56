import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useKeptState } from '../../components/use-kept-state';
import { AppLink } from '../../components/router-link';
import { SecretariatApproveMinutesDocument, SecretariatMeetingDocument, SecretariatRecordMinutesDocument } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { isConflict, refusalText, type MeetingContext } from './shared';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useFocusBack, useFocusOnOpen } from '../../components/use-focus-back';

/** What the other writer saved, beside what this user typed (which stays in the field). */
interface Conflict {
  readonly current: string;
  readonly revision: number;
}

/**
 * The minutes: a draft saved with the revision it was read at, so a draft written meanwhile by
 * someone else is shown beside the typed text instead of being overwritten; then approved at the
 * next meeting of the same body, after which they are read-only.
 */
export function Minutes({ context }: { context: MeetingContext }) {
  const { t, lang, language } = useI18n();
  const client = useApolloClient();
  const { meeting, bodyMeetings } = context;
  const saved = meeting.minutes?.text ?? '';
  // What the text was built on: the revision and text when the page was opened or last saved here.
  // Both are kept over a new sign-in, so a draft typed then is still saved against what it began from.
  const [draft, setDraft, markSaved] = useKeptState('minutes', () => ({ text: saved, base: { revision: meeting.revision, text: saved } }));
  const { text, base } = draft;
  const setText = (next: string) => setDraft((d) => ({ ...d, text: next }));
  const setBase = (next: { revision: number; text: string }) => setDraft((d) => ({ ...d, base: next }));
  const [conflict, setConflict] = useState<Conflict | undefined>();
  // A conflict found takes the focus to its heading (Save is unavailable until it is resolved);
  // resolved, the conflict's buttons are gone and the focus goes back to Save.
  const conflictHeading = useFocusOnOpen<HTMLHeadingElement>(conflict ? String(conflict.revision) : false);
  const saveButton = useFocusBack<HTMLButtonElement>(conflict !== undefined);
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [approveError, setApproveError] = useState<string | undefined>();
  const [recordMinutes, recording] = useMutation(SecretariatRecordMinutesDocument);
  const [approve, approving] = useMutation(SecretariatApproveMinutesDocument);
  const held = meeting.status === 'HELD';
  const next = bodyMeetings.find((m) => m.startsAt > meeting.startsAt && m.status !== 'CANCELLED');
  const approvedAt = meeting.minutes?.approvedAtMeetingId ? bodyMeetings.find((m) => m.id === meeting.minutes?.approvedAtMeetingId) : undefined;

  if (meeting.minutesStatus === 'APPROVED' && meeting.minutes) {
    return (
      <section aria-labelledby="minutes-title" className="kom-stack">
        <Heading level={2} data-size="sm" id="minutes-title">
          {t('secretariat.meeting.minutes.title')}
        </Heading>
        <Paragraph>
          {approvedAt
            ? t('secretariat.meeting.minutes.approvedAt', { meeting: approvedAt.title, when: formatDate(approvedAt.startsAt, language) })
            : t('secretariat.meeting.minutes.approved')}{' '}
          {approvedAt && <AppLink to={`/secretariat/meetings/${approvedAt.id}`}>{t('secretariat.meeting.minutes.openApproving', { meeting: approvedAt.title })}</AppLink>}
        </Paragraph>
        <div className="kom-card kom-minutes">{meeting.minutes.text}</div>
      </section>
    );
  }

  const save = async (onto: { revision: number; text: string }) => {
    setError(undefined);
    try {
      const result = await recordMinutes({ variables: { input: { meetingId: meeting.id, text, expectedRevision: onto.revision }, lang } });
      const revision = result.data?.recordMinutes.revision ?? onto.revision;
      setBase({ revision, text });
      markSaved({ text, base: { revision, text } });
      setConflict(undefined);
      context.announce(t('secretariat.meeting.minutes.saved'));
      return;
    } catch (e) {
      if (!isConflict(e)) return setError(refusalText(t, e));
    }
    // The meeting moved on. If its minutes did not, the change was elsewhere (a position, an
    // action item): save onto the current revision. Otherwise show both texts and keep the typed one.
    const fresh = await client.query({ query: SecretariatMeetingDocument, variables: { id: meeting.id, lang }, fetchPolicy: 'network-only' });
    const now = fresh.data?.meeting;
    if (!now) return setError(t('refusal.generic'));
    const current = now.minutes?.text ?? '';
    if (current === onto.text) return save({ revision: now.revision, text: current });
    context.announce('');
    setConflict({ current, revision: now.revision });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError(t('refusal.MINUTES_TEXT_REQUIRED'));
    void save(base);
  };
  const confirmApprove = async () => {
    if (!next) return;
    try {
      await approve({ variables: { input: { meetingId: meeting.id, approvingMeetingId: next.id }, lang } });
      setConfirming(false);
      context.announce(t('secretariat.meeting.minutes.approvedNow', { meeting: next.title }));
      await context.refresh();
    } catch (e) {
      setConfirming(false);
      setApproveError(refusalText(t, e));
    }
  };
  const unsaved = text !== saved;

  return (
    <section aria-labelledby="minutes-title" className="kom-stack">
      <Heading level={2} data-size="sm" id="minutes-title">
        {t('secretariat.meeting.minutes.title')}
      </Heading>
      {!held ? (
        <Paragraph>{t('secretariat.meeting.minutes.notHeld')}</Paragraph>
      ) : (
        <>
          <form onSubmit={submit} className="kom-form" aria-labelledby="minutes-title" noValidate>
            <Textfield
              multiline
              rows={10}
              label={t('secretariat.meeting.minutes.draft')}
              description={t('secretariat.meeting.minutes.draftHint')}
              value={text}
              onChange={(e) => (setText(e.target.value), setError(undefined))}
              error={error}
            />
            {/* Said at once: a region in the page before the conflict, as Notice does; the alert below shows it. */}
            <div role="alert" className="kom-visually-hidden">
              {conflict && <Paragraph>{t('secretariat.meeting.minutes.conflict.said')}</Paragraph>}
            </div>
            {conflict && (
              <Alert data-color="warning">
                <Heading level={3} data-size="xs" tabIndex={-1} ref={conflictHeading}>
                  {t('secretariat.meeting.minutes.conflict.title')}
                </Heading>
                <Paragraph>{t('secretariat.meeting.minutes.conflict.body')}</Paragraph>
                <div className="kom-diff">
                  <div>
                    <Heading level={4} data-size="2xs">
                      {t('secretariat.meeting.minutes.conflict.current')}
                    </Heading>
                    <div className="kom-minutes" data-testid="minutes-current">{conflict.current}</div>
                  </div>
                  <div>
                    <Heading level={4} data-size="2xs">
                      {t('secretariat.meeting.minutes.conflict.yours')}
                    </Heading>
                    <div className="kom-minutes">{text}</div>
                  </div>
                </div>
                <div className="kom-actions">
                  <SteadyButton type="button" onClick={() => void save({ revision: conflict.revision, text: conflict.current })} unavailable={recording.loading}>
                    {t('secretariat.meeting.minutes.conflict.keepMine')}
                  </SteadyButton>
                  <Button type="button" variant="secondary" onClick={() => (setText(conflict.current), setBase({ revision: conflict.revision, text: conflict.current }), setConflict(undefined))}>
                    {t('secretariat.meeting.minutes.conflict.takeCurrent')}
                  </Button>
                </div>
              </Alert>
            )}
            <div className="kom-actions">
              <SteadyButton ref={saveButton} type="submit" unavailable={recording.loading || conflict !== undefined}>
                {t('secretariat.meeting.minutes.save')}
              </SteadyButton>
            </div>
          </form>
          <section aria-labelledby="approve-title" className="kom-stack">
            <Heading level={3} data-size="xs" id="approve-title">
              {t('secretariat.meeting.minutes.approveTitle')}
            </Heading>
            {!next ? (
              <Paragraph>{t('secretariat.meeting.minutes.noNext', { body: meeting.kindLabel })}</Paragraph>
            ) : next.status !== 'HELD' ? (
              <Paragraph>{t('secretariat.meeting.minutes.nextNotHeld', { meeting: next.title, when: formatDateTime(next.startsAt, language) })}</Paragraph>
            ) : meeting.minutesStatus !== 'DRAFT' || unsaved ? (
              <Paragraph>{t('secretariat.meeting.minutes.saveFirst', { meeting: next.title })}</Paragraph>
            ) : (
              <>
                <Paragraph>{t('secretariat.meeting.minutes.approveHint', { meeting: next.title, when: formatDate(next.startsAt, language) })}</Paragraph>
                <div>
                  <Button data-color="danger" onClick={() => (setApproveError(undefined), setConfirming(true))}>
                    {t('secretariat.meeting.minutes.approve', { meeting: next.title })}
                  </Button>
                </div>
              </>
            )}
            <Notice tone="danger" text={approveError} />
          </section>
          <ConfirmDialog
            open={confirming}
            title={t('secretariat.meeting.minutes.confirm.title')}
            consequence={t('secretariat.meeting.minutes.confirm.body', { meeting: next?.title ?? '', when: next ? formatDate(next.startsAt, language) : '' })}
            confirmLabel={t('secretariat.meeting.minutes.confirm.action')}
            busy={approving.loading}
            onConfirm={() => void confirmApprove()}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
    </section>
  );
}
