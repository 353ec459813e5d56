import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Heading, List, Paragraph, Tag, Textfield, ToggleGroup } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import {
  AgencyActionItemsDocument,
  AgencyCompleteActionItemDocument,
  AgencyFollowedMeetingsDocument,
  AgencyMeetingChangedDocument,
  AgencyReportProgressDocument,
  type AgencyActionItemsQuery,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { SteadyButton } from '../components/steady-button';
import { useKeptState } from '../components/use-kept-state';
import { Notice } from '../components/notice';

type Item = AgencyActionItemsQuery['actionItems']['edges'][number]['node'];
type Show = 'open' | 'overdue' | 'done';
/** What a pushed change to a followed meeting reads again: the items and which meetings to follow. */
const LIVE_QUERIES = [AgencyActionItemsDocument, AgencyFollowedMeetingsDocument];
const DAY = 24 * 3600_000;

function FollowUp({ item, onChanged, onCompleted }: { item: Item; onChanged: () => void; onCompleted: (description: string) => void }) {
  const { t, lang } = useI18n();
  const [note, setNote] = useKeptState(`note.${item.id}`, '');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [report, reporting] = useMutation(AgencyReportProgressDocument);
  const [complete, completing] = useMutation(AgencyCompleteActionItemDocument);
  const refusal = (e: unknown) => t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') return setError(t('refusal.NOTE_REQUIRED'));
    setError(undefined);
    try {
      await report({ variables: { input: { actionItemId: item.id, note: note.trim() } } });
      setNote('');
      onChanged();
    } catch (e) {
      setError(refusal(e));
    }
  };
  const finish = async () => {
    try {
      await complete({ variables: { input: { actionItemId: item.id, note: note.trim() || null }, lang } });
      setConfirming(false);
      setNote('');
      onCompleted(item.description);
      onChanged();
    } catch (e) {
      setConfirming(false);
      setError(refusal(e));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="kom-form">
      <Textfield multiline rows={2} label={t('agency.actions.note')} description={t('agency.actions.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={error} />
      <div className="kom-actions">
        <SteadyButton type="submit" variant="secondary" unavailable={reporting.loading}>
          {t('agency.actions.report')}
        </SteadyButton>
        <Button type="button" onClick={() => setConfirming(true)}>
          {t('agency.actions.complete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('agency.actions.completeConfirm.title')}
        consequence={t('agency.actions.completeConfirm.body', { description: item.description })}
        confirmLabel={t('agency.actions.complete')}
        busy={completing.loading}
        onConfirm={() => void finish()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}

/**
 * The agency's action items: due, overdue and done; note progress and mark done, with a note. The
 * meetings they were set at, and those of the last two months to tomorrow (where new ones are set),
 * are followed live; a note being typed stays as it is.
 */
export function AgencyActionItemsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  useTitle(t('agency.actions.title'));
  const [show, setShow] = useState<Show>('open');
  // Said once an item is done: it then leaves the open items, with its buttons (the focus goes to the heading).
  const [completed, setCompleted] = useState<string | undefined>();
  const { data, loading, error, refetch } = useQuery(AgencyActionItemsDocument, { variables: { organizationId: user.organizationId, lang } });
  const all = data?.actionItems.edges.map((e) => e.node) ?? [];
  const [period] = useState(() => ({ from: new Date(Date.now() - 60 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() }));
  const followed = useQuery(AgencyFollowedMeetingsDocument, { variables: period });
  const meetingIds = [...new Set([...all.map((i) => i.meetingId), ...(followed.data?.meetings.edges.map((e) => e.node.id) ?? [])])];
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.actionItems'));
  const items = all.filter((i) => (show === 'done' ? i.status !== 'OPEN' : show === 'overdue' ? i.overdue : i.status === 'OPEN'));
  return (
    <section aria-labelledby="agency-actions-title" className="kom-stack">
      <Heading level={1} id="agency-actions-title">
        {t('agency.actions.title')}
      </Heading>
      <Paragraph>{t('agency.actions.intro', { organization: user.organizationName })}</Paragraph>
      <LiveNotice updated={updated} />
      <Notice tone="success" text={completed ? t('agency.actions.completedNow', { description: completed }) : undefined} />
      {meetingIds.map((id) => (
        <LiveFollow key={id} subscription={AgencyMeetingChangedDocument} variables={{ id }} onPush={onPush} />
      ))}
      <ToggleGroup value={show} onChange={(value) => setShow(value as Show)} aria-label={t('agency.actions.show')}>
        <ToggleGroup.Item value="open">{t('agency.actions.show.open', { count: all.filter((i) => i.status === 'OPEN').length })}</ToggleGroup.Item>
        <ToggleGroup.Item value="overdue">{t('agency.actions.show.overdue', { count: all.filter((i) => i.overdue).length })}</ToggleGroup.Item>
        <ToggleGroup.Item value="done">{t('agency.actions.show.done', { count: all.filter((i) => i.status !== 'OPEN').length })}</ToggleGroup.Item>
      </ToggleGroup>
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && items.length === 0 && <Empty>{t(`agency.actions.none.${show}`)}</Empty>}
      {items.map((item) => (
        <article key={item.id} aria-labelledby={`item-${item.id}`} className="kom-stack kom-card">
          <Heading level={2} data-size="sm" id={`item-${item.id}`}>
            {item.description}
          </Heading>
          <Paragraph>
            {t('agency.actions.due', { due: formatDate(item.dueDate, language) })}{' '}
            <Tag data-color={item.overdue ? 'danger' : item.status === 'OPEN' ? 'info' : 'success'}>
              {item.overdue ? t('agency.actions.overdue') : item.statusLabel}
            </Tag>
          </Paragraph>
          {item.progress.length > 0 && (
            <>
              <Heading level={3} data-size="xs">
                {t('agency.actions.progress')}
              </Heading>
              <List.Unordered>
                {item.progress.map((p) => (
                  <List.Item key={p.reportedAt + p.note}>{t('agency.actions.progressLine', { when: formatDateTime(p.reportedAt, language), note: p.note })}</List.Item>
                ))}
              </List.Unordered>
            </>
          )}
          {item.completionNote && <Paragraph>{t('agency.actions.completedWith', { note: item.completionNote })}</Paragraph>}
          {item.status === 'OPEN' && <FollowUp item={item} onChanged={() => void refetch({ organizationId: user.organizationId, lang })} onCompleted={setCompleted} />}
        </article>
      ))}
    </section>
  );
}
