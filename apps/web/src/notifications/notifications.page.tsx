import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { Pager } from '../components/pager';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useCursorPages } from '../components/use-cursor-pages';
import { useTitle } from '../components/use-title';
import { NotificationsPageDocument, SetNotificationPreferencesDocument, type Lang, type NotificationCadence, type NotificationTopic } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { PERSON_TOPICS, STATUS_COLOR, subjectPath } from './topics';
import { TableScroll } from '../components/table-scroll';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';

interface Draft {
  topics: NotificationTopic[];
  language: Lang;
  cadence: NotificationCadence;
  dueSoonDays: string;
  expiringDays: string;
  representativeId: string;
}

const toggle = <T,>(list: readonly T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/**
 * What a person hears about (topics, language, immediately or a daily digest, at which of their
 * organisation's representative records' address), and the list of what was recorded for them.
 * Auditors change nothing: they see the list only.
 */
export function NotificationsPage() {
  const { t, language } = useI18n();
  const user = useUser();
  useTitle(t('notifications.title'));
  const pages = useCursorPages();
  const { data, loading, error, refetch } = useQuery(NotificationsPageDocument, {
    variables: { organizationId: user.organizationId, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const [save, saving] = useMutation(SetNotificationPreferencesDocument);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [refusal, setRefusal] = useState<{ text: string; field: string | undefined } | undefined>();
  const [saved, setSaved] = useState(false);
  const mayChoose = user.role !== 'AUDITOR';

  const prefs = data?.notificationPreferences;
  useEffect(() => {
    if (prefs && !draft) {
      setDraft({
        topics: [...prefs.topics],
        language: prefs.language,
        cadence: prefs.cadence,
        dueSoonDays: String(prefs.dueSoonDays),
        expiringDays: String(prefs.expiringDays),
        representativeId: prefs.representativeId ?? '',
      });
    }
  }, [prefs, draft]);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('notifications.title')} error={error} onRetry={() => void refetch()} />;
  if (!data || !draft) return null;
  const representatives = data.organization?.representatives ?? [];
  const sent = data.sentNotifications;
  const update = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const fieldError = (field: string) => (refusal?.field === field ? refusal.text : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            topics: draft.topics,
            language: draft.language,
            cadence: draft.cadence,
            dueSoonDays: Number(draft.dueSoonDays),
            expiringDays: Number(draft.expiringDays),
            representativeId: draft.representativeId === '' ? null : draft.representativeId,
          },
        },
      });
      setSaved(true);
    } catch (e) {
      const r = refusalOf(e);
      setRefusal({ text: t.maybe(`refusal.${r?.reason}`) ?? t('refusal.generic'), field: r?.field });
    }
  };

  return (
    <section aria-labelledby="notifications-title" className="kom-stack">
      <Heading level={1} id="notifications-title">
        {t('notifications.title')}
      </Heading>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      {mayChoose && <AppLink to="/notifications/webhooks">{t('notifications.webhooksLink')}</AppLink>}

      {mayChoose ? (
        <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby="preferences-title">
          <Heading level={2} id="preferences-title">
            {t('notifications.preferences')}
          </Heading>
          <Fieldset>
            <Fieldset.Legend>{t('notifications.field.topics')}</Fieldset.Legend>
            {PERSON_TOPICS.map((topic) => (
              <Checkbox key={topic} label={t(`notifications.topic.${topic}`)} checked={draft.topics.includes(topic)} onChange={() => update({ topics: toggle(draft.topics, topic) })} />
            ))}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('notifications.field.cadence')}</Fieldset.Legend>
            <Radio name="cadence" label={t('notifications.cadence.IMMEDIATE')} value="IMMEDIATE" checked={draft.cadence === 'IMMEDIATE'} onChange={() => update({ cadence: 'IMMEDIATE' })} />
            <Radio name="cadence" label={t('notifications.cadence.DAILY_DIGEST')} value="DAILY_DIGEST" checked={draft.cadence === 'DAILY_DIGEST'} onChange={() => update({ cadence: 'DAILY_DIGEST' })} />
          </Fieldset>
          <Field>
            <Label>{t('notifications.field.language')}</Label>
            <Select value={draft.language} onChange={(e) => update({ language: e.target.value as Lang })}>
              <Select.Option value="NB">{t('calendar.language.nb')}</Select.Option>
              <Select.Option value="EN">{t('calendar.language.en')}</Select.Option>
            </Select>
          </Field>
          <Field>
            <Label>{t('notifications.field.address')}</Label>
            <Select value={draft.representativeId} onChange={(e) => update({ representativeId: e.target.value })}>
              <Select.Option value="">{t('notifications.address.none')}</Select.Option>
              {representatives.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {r.name && r.email ? `${r.name} <${r.email}>` : t('notifications.address.unavailable')}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t('notifications.field.dueSoonDays')}
            inputMode="numeric"
            value={draft.dueSoonDays}
            onChange={(e) => update({ dueSoonDays: e.target.value })}
            error={fieldError('input.dueSoonDays')}
          />
          <Textfield
            label={t('notifications.field.expiringDays')}
            inputMode="numeric"
            value={draft.expiringDays}
            onChange={(e) => update({ expiringDays: e.target.value })}
            error={fieldError('input.expiringDays')}
          />
          <Notice tone="danger" text={refusal && !refusal.field?.endsWith('Days') ? refusal.text : undefined} />
          <Notice tone="success" text={saved ? t('notifications.saved') : undefined} />
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={saving.loading}>
              {t('notifications.save')}
            </SteadyButton>
          </div>
        </form>
      ) : (
        <Paragraph>{t('notifications.auditorNote')}</Paragraph>
      )}

      <section aria-labelledby="sent-title" className="kom-stack">
        <Heading level={2} id="sent-title">
          {t('notifications.sent')}
        </Heading>
        {sent.edges.length === 0 ? (
          <Empty>{t('notifications.sent.none')}</Empty>
        ) : (
          <TableScroll label={t('notifications.sent')}>
            <Table>
              <caption className="kom-visually-hidden">{t('notifications.sent')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('notifications.column.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('notifications.column.recorded')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('notifications.column.state')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {sent.edges.map(({ node }) => {
                  const what = t.maybe(`notifications.topic.${node.topic}`, { count: node.itemCount }) ?? node.topic;
                  const path = subjectPath(node.subjectType, node.subjectId, user.role);
                  return (
                    <Table.Row key={node.id}>
                      <Table.Cell>
                        {path ? <AppLink to={path}>{what}</AppLink> : what}
                        {node.dueDate && <Paragraph data-size="sm">{t('notifications.due', { date: node.dueDate })}</Paragraph>}
                      </Table.Cell>
                      <Table.Cell>{formatDateTime(node.recordedAt, language)}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={STATUS_COLOR[node.status]}>{t(`notifications.status.${node.status}`)}</Tag>
                        {node.problem && <Paragraph data-size="sm">{t.maybe(`notifications.problem.${node.problem}`) ?? node.problem}</Paragraph>}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        <Pager page={pages.page} hasNext={sent.pageInfo.hasNextPage} onPrevious={pages.previous} onNext={() => sent.pageInfo.endCursor && pages.next(sent.pageInfo.endCursor)} />
      </section>
    </section>
  );
}
