import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { useUser } from '../auth/session-context';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { PublicationsPageDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { documentHref } from './links';
import { TableScroll } from '../components/table-scroll';

/** The meetings of the last twelve months; older ones are in the decision register and the calendar. */
const since = () => new Date(Date.now() - 365 * 24 * 3600_000).toISOString();

/**
 * What KOM publishes, as the reader may see it: the annual status reports (measure 6), each
 * meeting's agenda and approved minutes, and the decision register. Every file is built from the
 * log and carries its provenance stamp.
 */
export function PublicationsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  useTitle(t('documents.title'));
  // Fixed for the page's life: a new instant on every render would be a new query every render.
  const [from] = useState(since);
  const { data, loading, error, refetch } = useQuery(PublicationsPageDocument, { variables: { from, lang } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('documents.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const meetings = data.meetings.edges.map((e) => e.node).filter((m) => m.agendaPublishedAt || m.minutesStatus !== 'NONE');
  const years = [...data.statusReportYears].sort((a, b) => b - a);
  const mayFollow = user.role !== 'AUDITOR';

  return (
    <section aria-labelledby="documents-title" className="kom-stack">
      <Heading level={1} id="documents-title">
        {t('documents.title')}
      </Heading>
      <Paragraph>{t('documents.intro')}</Paragraph>

      <section aria-labelledby="reports-title">
        <Heading level={2} id="reports-title">
          {t('documents.reports')}
        </Heading>
        {years.length === 0 ? (
          <Empty>{t('documents.reports.none')}</Empty>
        ) : (
          <List.Unordered>
            {years.map((year) => (
              <List.Item key={year}>
                {t('documents.reports.year', { year })}{' '}
                <Link href={documentHref('annual-report', 'pdf', { year }, language)}>{t('documents.format.pdf')}</Link>{' '}
                <Link href={documentHref('annual-report', 'html', { year }, language)}>{t('documents.format.html')}</Link>
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>

      <section aria-labelledby="meetings-title">
        <Heading level={2} id="meetings-title">
          {t('documents.meetings')}
        </Heading>
        {meetings.length === 0 ? (
          <Empty>{t('documents.meetings.none')}</Empty>
        ) : (
          <TableScroll label={t('documents.meetings')}>
            <Table>
              <caption className="kom-visually-hidden">{t('documents.meetings')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('documents.meetings.column.meeting')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.meetings.column.agenda')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.meetings.column.minutes')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {meetings.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{t('documents.meetings.meeting', { title: m.title, body: m.kindLabel, when: formatDate(m.startsAt, language) })}</Table.Cell>
                    <Table.Cell>
                      {m.agendaPublishedAt ? (
                        <>
                          <Link href={documentHref('agenda', 'pdf', { meetingId: m.id }, language)} aria-label={t('documents.meetings.agendaOf', { format: t('documents.format.pdf'), title: m.title })}>
                            {t('documents.format.pdf')}
                          </Link>{' '}
                          <Link href={documentHref('agenda', 'html', { meetingId: m.id }, language)} aria-label={t('documents.meetings.agendaOf', { format: t('documents.format.html'), title: m.title })}>
                            {t('documents.format.html')}
                          </Link>
                        </>
                      ) : (
                        t('documents.meetings.notPublished')
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {m.minutesStatus === 'APPROVED' ? (
                        <>
                          <Link href={documentHref('minutes', 'pdf', { meetingId: m.id }, language)} aria-label={t('documents.meetings.minutesOf', { format: t('documents.format.pdf'), title: m.title })}>
                            {t('documents.format.pdf')}
                          </Link>{' '}
                          <Link href={documentHref('minutes', 'html', { meetingId: m.id }, language)} aria-label={t('documents.meetings.minutesOf', { format: t('documents.format.html'), title: m.title })}>
                            {t('documents.format.html')}
                          </Link>
                        </>
                      ) : (
                        t('documents.meetings.noMinutes')
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="register-title">
        <Heading level={2} id="register-title">
          {t('documents.register')}
        </Heading>
        <Paragraph>{t('documents.register.intro')}</Paragraph>
        <List.Unordered>
          <List.Item>
            <Link href={documentHref('decision-register', 'csv', {}, language)}>{t('documents.register.csv')}</Link>
          </List.Item>
          <List.Item>
            <Link href={documentHref('decision-register', 'xlsx', {}, language)}>{t('documents.register.xlsx')}</Link>
          </List.Item>
        </List.Unordered>
      </section>

      <section aria-labelledby="provenance-title">
        <Heading level={2} id="provenance-title">
          {t('documents.provenance')}
        </Heading>
        <Paragraph>{t('documents.provenance.body')}</Paragraph>
        {(user.role === 'AUDITOR' || user.role === 'SECRETARIAT') && <AppLink to="/audit/verify-document">{t('documents.provenance.verify')}</AppLink>}
        {mayFollow && <AppLink to="/publications/calendar">{t('documents.calendarLink')}</AppLink>}
      </section>
    </section>
  );
}
