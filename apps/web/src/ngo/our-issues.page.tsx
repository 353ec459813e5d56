import { useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useUser } from '../auth/session-context';
import { LiveNotice } from '../components/live-notice';
import { Pager } from '../components/pager';
import { AppLink } from '../components/router-link';
import { Empty, ErrorState, Loading } from '../components/states';
import { useCursorPages } from '../components/use-cursor-pages';
import { useTitle } from '../components/use-title';
import { OurIssueStatusChangedDocument, OurIssuesDocument, type IssueStatus } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { measureFilter, measureNumbersText } from '../components/measure-catalogue';
import { MeasureOptions } from '../components/measure-options';
import { TableScroll } from '../components/table-scroll';

export function OurIssuesPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  useTitle(t('ngo.issues.title'));
  const [status, setStatus] = useState<IssueStatus | ''>('');
  const [measure, setMeasure] = useState('');
  const pages = useCursorPages();
  const variables = { organizationId: user.organizationId, lang, status: status || undefined, ...measureFilter(measure), after: pages.after };
  const { data, loading, error, refetch } = useQuery(OurIssuesDocument, { variables });
  // A status change can move an issue in or out of the filter: ask again rather than guess.
  useSubscription(OurIssueStatusChangedDocument, {
    variables: { organizationId: user.organizationId, lang },
    onData: () => void refetch(),
  });
  const issues = data?.issues.edges.map((edge) => edge.node) ?? [];
  const filtered = status !== '' || measure !== '';

  return (
    <section aria-labelledby="issues-title">
      <Heading level={1} id="issues-title">
        {t('ngo.issues.title')}
      </Heading>
      <Paragraph>{t('ngo.issues.intro', { organization: user.organizationName })}</Paragraph>
      <div className="kom-actions">
        <Button onClick={() => navigate('/ngo/issues/new')}>{t('ngo.issues.raise')}</Button>
      </div>
      <div className="kom-filters" role="group" aria-label={t('ngo.issues.filters')}>
        <Field>
          <Label>{t('ngo.issues.filter.status')}</Label>
          <Select value={status} onChange={(e) => (setStatus(e.target.value as IssueStatus | ''), pages.reset())}>
            <Select.Option value="">{t('ngo.issues.filter.anyStatus')}</Select.Option>
            {data?.statuses.map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {language === 'en' ? s.en : s.nb}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('ngo.issues.filter.measure')}</Label>
          <Select value={measure} onChange={(e) => (setMeasure(e.target.value), pages.reset())}>
            <Select.Option value="">{t('ngo.issues.filter.anyMeasure')}</Select.Option>
            <MeasureOptions plans={data?.actionPlans} selected={measure} />
          </Select>
        </Field>
      </div>
      <LiveNotice />
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && issues.length === 0 && <Empty>{filtered ? t('ngo.issues.emptyFiltered') : t('ngo.issues.empty')}</Empty>}
      {issues.length > 0 && (
        <TableScroll label={t('ngo.issues.title')}>
          <Table>
            <caption className="kom-visually-hidden">{t('ngo.issues.caption', { count: issues.length, page: pages.page })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('ngo.issues.column.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.issues.column.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.issues.column.submitted')}</Table.HeaderCell>
                <Table.HeaderCell>{t('ngo.issues.column.measures')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {issues.map((issue) => (
                <Table.Row key={issue.id}>
                  <Table.Cell>
                    <AppLink to={`/ngo/issues/${issue.id}`}>{issue.title}</AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color="info">{issue.statusLabel}</Tag>
                  </Table.Cell>
                  <Table.Cell>{formatDate(issue.submittedAt, language)}</Table.Cell>
                  <Table.Cell>{measureNumbersText(issue.citedMeasureRefs)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Pager
        page={pages.page}
        hasNext={Boolean(data?.issues.pageInfo.hasNextPage)}
        onPrevious={pages.previous}
        onNext={() => data?.issues.pageInfo.endCursor && pages.next(data.issues.pageInfo.endCursor)}
      />
    </section>
  );
}
