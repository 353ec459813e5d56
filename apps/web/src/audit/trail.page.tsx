import { useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { AuditTrailOptionsDocument, AuditTrailPageDocument, type AuditTrailFilter } from '../gql/graphql';
import { formatDateTime, isCalendarDay, nextDay, osloStartOfDay } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { namesOf, shortHash } from './labels';
import { Pager } from '../components/pager';
import { useUrlFilters } from '../components/use-url-filters';
import { dayErrors } from './day-filters';
import { TableScroll } from '../components/table-scroll';

const FILTERS = ['actor', 'organization', 'type', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

function toFilter(params: URLSearchParams): AuditTrailFilter {
  const value = (name: FilterName) => params.get(name)?.trim() || undefined;
  const day = (name: 'from' | 'to') => {
    const named = value(name);
    return named && isCalendarDay(named) ? named : undefined;
  };
  const from = day('from');
  const to = day('to');
  const type = value('type');
  return {
    actorUserId: value('actor'),
    organizationId: value('organization'),
    eventTypes: type ? [type] : undefined,
    from: from ? osloStartOfDay(from) : undefined,
    to: to ? osloStartOfDay(nextDay(to)) : undefined,
  };
}

/** Every event of the log as an audit entry, in log order, filtered and paged. */
export function AuditTrailPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('audit.trail.title'));
  const { params, set, clear, filtered, pages } = useUrlFilters(FILTERS);
  const filter = toFilter(params);
  const backwards = Boolean(filter.from && filter.to && filter.from >= filter.to);
  // A link naming a day the calendar lacks is answered at its field, and nothing is listed under it.
  const badDay = dayErrors(params, t);
  const options = useQuery(AuditTrailOptionsDocument);
  const { data, loading, error, refetch } = useQuery(AuditTrailPageDocument, { variables: { filter, after: pages.after, lang }, skip: backwards || badDay.any });
  const name = namesOf(options.data?.organizations);
  const entries = data?.auditTrail.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="trail-title">
      <Heading level={1} id="trail-title">
        {t('audit.trail.title')}
      </Heading>
      <Paragraph>{t('audit.trail.intro')}</Paragraph>
      <div className="kom-filters" role="group" aria-label={t('audit.trail.filters')}>
        <Textfield label={t('audit.trail.filter.actor')} description={t('audit.trail.filter.actorHint')} value={params.get('actor') ?? ''} onChange={(e) => set('actor', e.target.value)} />
        <Field>
          <Label>{t('audit.trail.filter.organization')}</Label>
          <Select value={params.get('organization') ?? ''} onChange={(e) => set('organization', e.target.value)}>
            <Select.Option value="">{t('audit.trail.filter.anyOrganization')}</Select.Option>
            {options.data?.organizations.edges.map(({ node }) => (
              <Select.Option key={node.id} value={node.id}>
                {node.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.trail.filter.type')}</Label>
          <Select value={params.get('type') ?? ''} onChange={(e) => set('type', e.target.value)}>
            <Select.Option value="">{t('audit.trail.filter.anyType')}</Select.Option>
            {options.data?.auditEventTypes.map((type) => (
              <Select.Option key={type} value={type}>
                {t.maybe(`event.${type}`) ?? type}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="date" label={t('audit.trail.filter.from')} value={badDay.from ? '' : (params.get('from') ?? '')} onChange={(e) => set('from', e.target.value)} error={badDay.from} />
        <Textfield
          type="date"
          label={t('audit.trail.filter.to')}
          value={badDay.to ? '' : (params.get('to') ?? '')}
          onChange={(e) => set('to', e.target.value)}
          error={badDay.to ?? (backwards ? t('audit.filter.backwards') : undefined)}
        />
      </div>
      {filtered && (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={clear}>
            {t('audit.filter.clear')}
          </Button>
        </div>
      )}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && entries.length === 0 && <Empty>{filtered ? t('audit.trail.emptyFiltered') : t('audit.trail.empty')}</Empty>}
      {entries.length > 0 && (
        <TableScroll label={t('audit.trail.caption', { page: pages.page })}>
          <Table zebra>
            <caption className="kom-visually-hidden">{t('audit.trail.caption', { page: pages.page })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.trail.column.position')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.trail.column.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.trail.column.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.trail.column.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.trail.column.hash')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((entry) => (
                <Table.Row key={entry.eventId}>
                  <Table.Cell>{entry.position}</Table.Cell>
                  <Table.Cell>{formatDateTime(entry.occurredAt, language)}</Table.Cell>
                  <Table.Cell>
                    {entry.summary}
                    <Paragraph data-size="xs">
                      <code>{entry.eventType}</code>
                      {entry.personalData && ` ${t('audit.trail.personalData', { state: t.maybe(`audit.trail.personalData.${entry.personalData}`) ?? entry.personalData })}`}
                    </Paragraph>
                  </Table.Cell>
                  <Table.Cell>
                    {entry.actor.organizationId
                      ? t('audit.trail.actor', {
                          organization: name(entry.actor.organizationId),
                          role: t.maybe(`role.${entry.actor.role}`) ?? t('role.SYSTEM'),
                          user: entry.actor.userId ?? '',
                        })
                      : t('role.SYSTEM')}
                  </Table.Cell>
                  <Table.Cell>
                    <code title={entry.hash ?? undefined}>{shortHash(entry.hash)}</code>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Pager page={pages.page} hasNext={Boolean(data?.auditTrail.pageInfo.hasNextPage)} onPrevious={pages.previous} onNext={() => data?.auditTrail.pageInfo.endCursor && pages.next(data.auditTrail.pageInfo.endCursor)} />
    </section>
  );
}
