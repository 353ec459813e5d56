import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { ConfirmDialog } from '../components/confirm-dialog';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { CalendarFeedsPageDocument, CreateCalendarFeedDocument, RevokeCalendarFeedDocument, type Lang, type MeetingKind } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { labelOf, namesOf } from '../audit/labels';
import { TableScroll } from '../components/table-scroll';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';

/** What a feed follows: one body, or the meetings of the reader's own organisation. */
type Follow = MeetingKind | 'OWN';

/**
 * Calendar subscriptions: each feed is a secret address a calendar program subscribes to without
 * signing in. The address is shown once, when made; a feed that leaks is revoked here.
 */
export function CalendarFeedsPage() {
  const { t, language } = useI18n();
  useTitle(t('calendar.title'));
  const { data, loading, error, refetch } = useQuery(CalendarFeedsPageDocument, { fetchPolicy: 'cache-and-network' });
  const [create, creating] = useMutation(CreateCalendarFeedDocument);
  const [revoke, revoking] = useMutation(RevokeCalendarFeedDocument);
  const [follow, setFollow] = useState<Follow>('OWN');
  const [feedLang, setFeedLang] = useState<Lang>(language === 'en' ? 'EN' : 'NB');
  const [made, setMade] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [revokeId, setRevokeId] = useState<string | undefined>();

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('calendar.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const name = namesOf(data.organizations);
  const own = data.me.organizationId;
  const feeds = [...data.calendarFeeds].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    setCopied(false);
    try {
      const input = follow === 'OWN' ? { organizationId: own, lang: feedLang } : { body: follow, lang: feedLang };
      const result = await create({ variables: { input } });
      const path = result.data?.createCalendarFeed.url;
      setMade(path ? new URL(path, window.location.origin).toString() : undefined);
      await refetch();
    } catch (e) {
      setRefusal(t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic'));
    }
  };
  const copy = async () => {
    if (!made) return;
    await navigator.clipboard?.writeText(made).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const confirmRevoke = async () => {
    if (!revokeId) return;
    try {
      await revoke({ variables: { input: { feedId: revokeId } } });
      setRevokeId(undefined);
      await refetch();
    } catch (e) {
      setRefusal(t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic'));
      setRevokeId(undefined);
    }
  };
  const what = (feed: (typeof feeds)[number]) =>
    feed.body ? labelOf(data.bodies, feed.body, language) : t('calendar.follows.organization', { organization: name(feed.organizationId) });

  return (
    <section aria-labelledby="calendar-title" className="kom-stack">
      <AppLink to="/publications">{t('calendar.back')}</AppLink>
      <Heading level={1} id="calendar-title">
        {t('calendar.title')}
      </Heading>
      <Paragraph>{t('calendar.intro')}</Paragraph>

      <form onSubmit={(e) => void submit(e)} className="kom-form" aria-labelledby="new-feed-title">
        <Heading level={2} id="new-feed-title">
          {t('calendar.new')}
        </Heading>
        <Field>
          <Label>{t('calendar.follow')}</Label>
          <Select value={follow} onChange={(e) => setFollow(e.target.value as Follow)}>
            <Select.Option value="OWN">{t('calendar.follows.organization', { organization: name(own) })}</Select.Option>
            {data.bodies.map((b) => (
              <Select.Option key={b.key} value={b.key}>
                {b[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('calendar.language')}</Label>
          <Select value={feedLang} onChange={(e) => setFeedLang(e.target.value as Lang)}>
            <Select.Option value="NB">{t('calendar.language.nb')}</Select.Option>
            <Select.Option value="EN">{t('calendar.language.en')}</Select.Option>
          </Select>
        </Field>
        <Notice tone="danger" text={refusal} />
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={creating.loading}>
            {t('calendar.create')}
          </SteadyButton>
        </div>
      </form>

      <Notice tone="success">
        {made && (
          <>
            <Heading level={2} data-size="xs">
              {t('calendar.made')}
            </Heading>
            <Paragraph>{t('calendar.madeBody')}</Paragraph>
            <Textfield label={t('calendar.address')} value={made} readOnly onFocus={(e) => e.target.select()} />
            <div className="kom-actions">
              <Button variant="secondary" data-size="sm" onClick={() => void copy()}>
                {copied ? t('calendar.copied') : t('calendar.copy')}
              </Button>
            </div>
          </>
        )}
      </Notice>

      <section aria-labelledby="feeds-title">
        <Heading level={2} id="feeds-title">
          {t('calendar.yours')}
        </Heading>
        {feeds.length === 0 ? (
          <Empty>{t('calendar.none')}</Empty>
        ) : (
          <TableScroll label={t('calendar.yours')}>
            <Table>
              <caption className="kom-visually-hidden">{t('calendar.yours')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('calendar.column.follows')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('calendar.column.language')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('calendar.column.created')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('calendar.column.state')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {feeds.map((feed) => (
                  <Table.Row key={feed.id}>
                    <Table.Cell>{what(feed)}</Table.Cell>
                    <Table.Cell>{feed.lang === 'EN' ? t('calendar.language.en') : t('calendar.language.nb')}</Table.Cell>
                    <Table.Cell>{formatDateTime(feed.createdAt, language)}</Table.Cell>
                    <Table.Cell>
                      {feed.revokedAt ? (
                        <Tag data-color="neutral">{t('calendar.revokedAt', { when: formatDateTime(feed.revokedAt, language) })}</Tag>
                      ) : (
                        <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setRevokeId(feed.id)} aria-label={t('calendar.revokeOne', { follows: what(feed) })}>
                          {t('calendar.revoke')}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      <ConfirmDialog
        open={revokeId !== undefined}
        title={t('calendar.revokeConfirm.title')}
        consequence={t('calendar.revokeConfirm.body')}
        confirmLabel={t('calendar.revoke')}
        busy={revoking.loading}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setRevokeId(undefined)}
      />
    </section>
  );
}
