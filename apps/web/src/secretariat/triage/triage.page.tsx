import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, List, Paragraph, Select, Table, Tag, ToggleGroup } from '@digdir/designsystemet-react';
import { Pager } from '../../components/pager';
import { AppLink } from '../../components/router-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useUrlFilters } from '../../components/use-url-filters';
import { TriageOptionsDocument, TriageQueueDocument, type IssueFilterInput, type IssueStatus, type TriageQueueQuery } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { measureFilter, measureNumbersText } from '../../components/measure-catalogue';
import { MeasureOptions } from '../../components/measure-options';
import { TableScroll } from '../../components/table-scroll';

const FILTERS = ['view', 'status', 'organization', 'measure'] as const;
type Issue = TriageQueueQuery['issues']['edges'][number]['node'];

/** The filter as the URL holds it, as the API takes it; the forwarded view lists what the reference group sent on. */
function toFilter(params: URLSearchParams): IssueFilterInput {
  return {
    status: (params.get('status') || undefined) as IssueStatus | undefined,
    submittingOrganizationId: params.get('organization') || undefined,
    ...measureFilter(params.get('measure')),
    forwarded: params.get('view') === 'forwarded' ? true : undefined,
  };
}

/** The reference group's queue: submitted issues, newest first, and where each forwarded issue now stands. */
export function TriagePage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.triage.title'));
  const { params, set, pages } = useUrlFilters(FILTERS);
  const [, setParams] = useSearchParams();
  const filtered = ['status', 'organization', 'measure'].some((name) => params.get(name));
  // Clearing the filters keeps the view.
  const clear = () => {
    setParams(params.get('view') ? new URLSearchParams({ view: params.get('view')! }) : new URLSearchParams(), { replace: true });
    pages.reset();
  };
  const forwardedView = params.get('view') === 'forwarded';
  const [from] = useState(() => new Date(Date.now() - 366 * 24 * 3600_000).toISOString());
  const options = useQuery(TriageOptionsDocument, { variables: { lang, from } });
  const { data, loading, error, refetch } = useQuery(TriageQueueDocument, { variables: { filter: toFilter(params), after: pages.after, lang }, fetchPolicy: 'cache-and-network' });
  const issues = data?.issues.edges.map((e) => e.node) ?? [];
  const names = new Map(options.data?.organizations.edges.map((e) => [e.node.id, e.node.name]));
  const meetings = new Map(options.data?.meetings.edges.map((e) => [e.node.id, e.node]));
  const meetingName = (id: string) => {
    const m = meetings.get(id);
    return m ? t('secretariat.triage.meetingName', { title: m.title, body: m.kindLabel, when: formatDate(m.startsAt, language) }) : t('secretariat.triage.unknownMeeting');
  };

  const standing = (issue: Issue) => {
    const items = issue.lineage.agendaItems.filter((i) => !i.removed && meetings.get(i.meetingId)?.kind !== 'REFERENCE_GROUP');
    const { decisions, actionItems } = issue.lineage;
    const projectDecisions = decisions.filter((d) => meetings.get(d.meetingId)?.kind !== 'REFERENCE_GROUP');
    return (
      <List.Unordered data-size="sm">
        {items.length === 0 && <List.Item>{t('secretariat.triage.standing.notPlaced')}</List.Item>}
        {items.map((i) => (
          <List.Item key={i.agendaItemId}>{t('secretariat.triage.standing.onAgenda', { meeting: meetingName(i.meetingId) })}</List.Item>
        ))}
        {projectDecisions.map((d) => (
          <List.Item key={d.decisionId}>{t('secretariat.triage.standing.decision', { text: d.text, status: t.maybe(`secretariat.triage.decisionStatus.${d.status}`) ?? d.status })}</List.Item>
        ))}
        {actionItems.map((a) => (
          <List.Item key={a.actionItemId}>
            {t('secretariat.triage.standing.actionItem', {
              description: a.description,
              organization: names.get(a.responsibleOrganizationId) ?? a.responsibleOrganizationId,
              due: formatDate(a.dueDate, language),
              status: t.maybe(`secretariat.triage.actionStatus.${a.status}`) ?? a.status,
            })}
          </List.Item>
        ))}
      </List.Unordered>
    );
  };

  return (
    <section aria-labelledby="triage-title" className="kom-stack">
      <Heading level={1} id="triage-title">
        {t('secretariat.triage.title')}
      </Heading>
      <Paragraph>{t('secretariat.triage.intro')}</Paragraph>
      <ToggleGroup value={forwardedView ? 'forwarded' : 'queue'} onChange={(v) => set('view', v === 'forwarded' ? 'forwarded' : '')} aria-label={t('secretariat.triage.view')}>
        <ToggleGroup.Item value="queue">{t('secretariat.triage.view.queue')}</ToggleGroup.Item>
        <ToggleGroup.Item value="forwarded">{t('secretariat.triage.view.forwarded')}</ToggleGroup.Item>
      </ToggleGroup>
      <div className="kom-filters" role="group" aria-label={t('secretariat.triage.filters')}>
        <Field>
          <Label>{t('secretariat.triage.filter.status')}</Label>
          <Select value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <Select.Option value="">{t('secretariat.triage.filter.anyStatus')}</Select.Option>
            {options.data?.statuses.map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {s[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('secretariat.triage.filter.organization')}</Label>
          <Select value={params.get('organization') ?? ''} onChange={(e) => set('organization', e.target.value)}>
            <Select.Option value="">{t('secretariat.triage.filter.anyOrganization')}</Select.Option>
            {options.data?.organizations.edges.map(({ node }) => (
              <Select.Option key={node.id} value={node.id}>
                {node.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('secretariat.triage.filter.measure')}</Label>
          <Select value={params.get('measure') ?? ''} onChange={(e) => set('measure', e.target.value)}>
            <Select.Option value="">{t('secretariat.triage.filter.anyMeasure')}</Select.Option>
            <MeasureOptions plans={options.data?.actionPlans} selected={params.get('measure')} />
          </Select>
        </Field>
      </div>
      {filtered && (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={clear}>
            {t('secretariat.triage.clear')}
          </Button>
        </div>
      )}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && issues.length === 0 && <Empty>{forwardedView ? t('secretariat.triage.noneForwarded') : t('secretariat.triage.none')}</Empty>}
      {issues.length > 0 && (
        <TableScroll label={forwardedView ? t('secretariat.triage.caption.forwarded', { page: pages.page }) : t('secretariat.triage.caption.queue', { page: pages.page })}>
          <Table zebra>
            <caption className="kom-visually-hidden">{forwardedView ? t('secretariat.triage.caption.forwarded', { page: pages.page }) : t('secretariat.triage.caption.queue', { page: pages.page })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('secretariat.triage.column.issue')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.triage.column.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.triage.column.submitted')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.triage.column.status')}</Table.HeaderCell>
                {forwardedView && <Table.HeaderCell>{t('secretariat.triage.column.standing')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {issues.map((issue) => (
                <Table.Row key={issue.id}>
                  <Table.Cell>
                    <AppLink to={`/secretariat/issues/${issue.id}`}>{issue.title}</AppLink>
                    {issue.citedMeasureRefs.length > 0 && <Paragraph data-size="sm">{t('secretariat.triage.measures', { measures: measureNumbersText(issue.citedMeasureRefs) })}</Paragraph>}
                    {issue.duplicateOfIssueId && <Paragraph data-size="sm">{t('secretariat.triage.isDuplicate')}</Paragraph>}
                  </Table.Cell>
                  <Table.Cell>{names.get(issue.organizationId) ?? issue.organizationId}</Table.Cell>
                  <Table.Cell>{formatDate(issue.submittedAt, language)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={issue.status === 'CLOSED' || issue.status === 'WITHDRAWN' ? 'neutral' : issue.status === 'RESOLVED' ? 'success' : 'info'}>{issue.statusLabel}</Tag>
                  </Table.Cell>
                  {forwardedView && <Table.Cell>{standing(issue)}</Table.Cell>}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Pager page={pages.page} hasNext={Boolean(data?.issues.pageInfo.hasNextPage)} onPrevious={pages.previous} onNext={() => data?.issues.pageInfo.endCursor && pages.next(data.issues.pageInfo.endCursor)} />
    </section>
  );
}
