import { useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { AppLink } from '../components/router-link';
import { recorderText } from '../components/signer';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../components/use-title';
import { DecisionRegisterDocument, DecisionRegisterOptionsDocument, type DecisionFilter, type DecisionStatus, type MeetingKind } from '../gql/graphql';
import { formatDate, isCalendarDay, nextDay, osloStartOfDay } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Pager } from '../components/pager';
import { documentHref } from '../documents/links';
import { useUrlFilters } from '../components/use-url-filters';
import { measureFilter, measureNumbersText } from '../components/measure-catalogue';
import { MeasureOptions } from '../components/measure-options';
import { dayErrors } from './day-filters';
import { TableScroll } from '../components/table-scroll';

const FILTERS = ['meeting', 'body', 'measure', 'organization', 'status', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

/** A day the URL names (from, to), when the calendar has it. */
function dayOf(params: URLSearchParams, name: 'from' | 'to'): string | undefined {
  const value = params.get(name)?.trim();
  return value && isCalendarDay(value) ? value : undefined;
}

/** The filter as the URL holds it (so a view can be bookmarked and shared), as the API takes it. */
function toFilter(params: URLSearchParams): DecisionFilter {
  const value = (name: FilterName) => params.get(name) || undefined;
  const from = dayOf(params, 'from');
  const to = dayOf(params, 'to');
  return {
    meetingId: value('meeting'),
    kind: value('body') as MeetingKind | undefined,
    ...measureFilter(value('measure')),
    organizationId: value('organization'),
    status: value('status') as DecisionStatus | undefined,
    from: from ? osloStartOfDay(from) : undefined,
    to: to ? osloStartOfDay(nextDay(to)) : undefined,
  };
}

export function DecisionRegisterPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('audit.decisions.title'));
  const { params, set, clear, filtered, pages } = useUrlFilters(FILTERS);
  const filter = toFilter(params);
  const backwards = Boolean(filter.from && filter.to && filter.from >= filter.to);
  // A link naming a day the calendar lacks is answered at its field, and nothing is listed under it.
  const badDay = dayErrors(params, t);
  const options = useQuery(DecisionRegisterOptionsDocument, { variables: { lang } });
  const { data, loading, error, refetch } = useQuery(DecisionRegisterDocument, {
    variables: { filter, after: pages.after, lang },
    skip: backwards || badDay.any,
  });
  const decisions = data?.decisions.edges.map((e) => e.node) ?? [];
  const names = new Map(options.data?.organizations.edges.map((e) => [e.node.id, e.node.name]));
  // The same filter for the register as a file: Oslo days, as the page takes them.
  const fileFilter = {
    meetingId: filter.meetingId ?? undefined,
    body: filter.kind ?? undefined,
    measure: filter.measure ?? undefined,
    plan: filter.plan ?? undefined,
    organizationId: filter.organizationId ?? undefined,
    status: filter.status ?? undefined,
    from: dayOf(params, 'from'),
    to: dayOf(params, 'to'),
  };

  return (
    <section aria-labelledby="register-title">
      <Heading level={1} id="register-title">
        {t('audit.decisions.title')}
      </Heading>
      <Paragraph>{t('audit.decisions.intro')}</Paragraph>
      <div className="kom-filters" role="group" aria-label={t('audit.decisions.filters')}>
        <Field>
          <Label>{t('audit.decisions.filter.meeting')}</Label>
          <Select value={params.get('meeting') ?? ''} onChange={(e) => set('meeting', e.target.value)}>
            <Select.Option value="">{t('audit.decisions.filter.anyMeeting')}</Select.Option>
            {options.data?.meetings.edges.map(({ node }) => (
              <Select.Option key={node.id} value={node.id}>
                {t('audit.decisions.meetingOption', { title: node.title, when: formatDate(node.startsAt, language) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.decisions.filter.body')}</Label>
          <Select value={params.get('body') ?? ''} onChange={(e) => set('body', e.target.value)}>
            <Select.Option value="">{t('audit.decisions.filter.anyBody')}</Select.Option>
            {options.data?.kinds.map((k) => (
              <Select.Option key={k.key} value={k.key}>
                {k[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.decisions.filter.measure')}</Label>
          <Select value={params.get('measure') ?? ''} onChange={(e) => set('measure', e.target.value)}>
            <Select.Option value="">{t('audit.decisions.filter.anyMeasure')}</Select.Option>
            <MeasureOptions plans={options.data?.actionPlans} selected={params.get('measure')} />
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.decisions.filter.organization')}</Label>
          <Select value={params.get('organization') ?? ''} onChange={(e) => set('organization', e.target.value)}>
            <Select.Option value="">{t('audit.decisions.filter.anyOrganization')}</Select.Option>
            {options.data?.organizations.edges.map(({ node }) => (
              <Select.Option key={node.id} value={node.id}>
                {node.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.decisions.filter.status')}</Label>
          <Select value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <Select.Option value="">{t('audit.decisions.filter.anyStatus')}</Select.Option>
            {options.data?.statuses.map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {s[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield type="date" label={t('audit.decisions.filter.from')} value={badDay.from ? '' : (params.get('from') ?? '')} onChange={(e) => set('from', e.target.value)} error={badDay.from} />
        <Textfield
          type="date"
          label={t('audit.decisions.filter.to')}
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
      {!backwards && !badDay.any && (
        <Paragraph data-size="sm">
          {filtered ? t('audit.decisions.downloadFiltered') : t('audit.decisions.download')}{' '}
          <Link href={documentHref('decision-register', 'csv', fileFilter, language)}>{t('documents.format.csv')}</Link>{' '}
          <Link href={documentHref('decision-register', 'xlsx', fileFilter, language)}>{t('documents.format.xlsx')}</Link>
        </Paragraph>
      )}
      {loading && !data && <Loading />}
      {error && !data && <ErrorState onRetry={() => void refetch()} />}
      {data && decisions.length === 0 && <Empty>{filtered ? t('audit.decisions.emptyFiltered') : t('audit.decisions.empty')}</Empty>}
      {decisions.length > 0 && (
        <TableScroll label={t('audit.decisions.caption', { page: pages.page })}>
          <Table zebra>
            <caption className="kom-visually-hidden">{t('audit.decisions.caption', { page: pages.page })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.decisions.column.decision')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.decisions.column.meeting')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.decisions.column.recorded')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.decisions.column.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.decisions.column.positions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {decisions.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>
                    <AppLink to={`/audit/decisions/${d.id}`}>{d.text}</AppLink>
                    {d.citedMeasureRefs.length > 0 && <Paragraph data-size="sm">{t('audit.decisions.measures', { measures: measureNumbersText(d.citedMeasureRefs) })}</Paragraph>}
                  </Table.Cell>
                  <Table.Cell>
                    {d.meeting ? t('audit.decisions.meetingCell', { title: d.meeting.title, body: d.meeting.kindLabel, when: formatDate(d.meeting.startsAt, language) }) : ''}
                  </Table.Cell>
                  <Table.Cell>{d.recordedAt ? formatDate(d.recordedAt, language) : ''}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={d.status === 'ACTIVE' ? 'success' : 'warning'}>{d.statusLabel}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {d.positions.length === 0
                      ? t('audit.decisions.noPositions')
                      : d.positions.map((p) => (
                          <Paragraph key={p.organizationId} data-size="sm">
                            {[
                              p.reason
                                ? t('audit.decisions.positionWithReason', { organization: names.get(p.organizationId) ?? p.organizationId, position: p.positionLabel, reason: p.reason })
                                : t('audit.decisions.position', { organization: names.get(p.organizationId) ?? p.organizationId, position: p.positionLabel }),
                              recorderText(t, p.representative),
                            ]
                              .filter(Boolean)
                              .join(', ')}
                          </Paragraph>
                        ))}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Pager page={pages.page} hasNext={Boolean(data?.decisions.pageInfo.hasNextPage)} onPrevious={pages.previous} onNext={() => data?.decisions.pageInfo.endCursor && pages.next(data.decisions.pageInfo.endCursor)} />
    </section>
  );
}
