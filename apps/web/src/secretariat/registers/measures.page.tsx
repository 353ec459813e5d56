import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { AppLink } from '../../components/router-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { RegisterMeasureCitationsDocument, RegisterMeasuresDocument, type MeasureCitationKind } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { RegistersNav } from './registers-nav';
import { PlanMeasures } from './plan-measures';
import { MeasureOptions } from '../../components/measure-options';
import { DEFAULT_PLAN_ID, measureOptionValue, newestPlansFirst, parseMeasureOption, plansHave } from '../../components/measure-catalogue';
import { TableScroll } from '../../components/table-scroll';

/** Where the secretariat reads each kind of record that cites a measure. */
const HREF: Partial<Record<MeasureCitationKind, (id: string) => string>> = {
  DECISION: (id) => `/audit/decisions/${id}`,
  ISSUE: (id) => `/secretariat/issues/${id}`,
};

/**
 * The action plans' measures grouped by plan, and for the one chosen (in the URL) its status per year
 * and everything that cites it. The choice offers the measures as every filter by measure does, and
 * the plans follow in the same order, the newest first.
 */
export function MeasuresPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.registers.measures'));
  const [params, setParams] = useSearchParams();
  const plan = params.get('plan') ?? DEFAULT_PLAN_ID;
  const number = Number(params.get('measure'));
  const chosen = Number.isInteger(number) && number >= 1 ? number : undefined;
  const list = useQuery(RegisterMeasuresDocument, { variables: { lang } });
  // A link may name a measure no plan has (a typo, an old link): say so rather than ask for it. The
  // plans come first, then the measure's citations (the plans are cached once the app has them).
  const known = chosen !== undefined && list.data !== undefined && plansHave(list.data.actionPlans, { plan, number: chosen });
  const { data, loading, error, refetch } = useQuery(RegisterMeasureCitationsDocument, {
    variables: { plan, number: chosen ?? 1, lang },
    skip: !known,
    fetchPolicy: 'cache-and-network',
  });
  const measure = data?.measure;
  const kindLabel = new Map(data?.citationKinds.map((k) => [k.key, k[language]]));
  const statusLabels = new Map(list.data?.measureStatuses.map((s) => [s.key, s[language]]));
  const statusLabel = (key: string) => statusLabels.get(key) ?? key;
  const choose = (value: string) => {
    const m = parseMeasureOption(value);
    if (!m) return setParams(new URLSearchParams(), { replace: true });
    setParams(new URLSearchParams(m.plan === DEFAULT_PLAN_ID ? { measure: String(m.number) } : { plan: m.plan, measure: String(m.number) }), { replace: true });
  };

  return (
    <section aria-labelledby="measures-title" className="kom-stack">
      <Heading level={1} id="measures-title">
        {t('secretariat.registers.measures')}
      </Heading>
      <RegistersNav />
      <Paragraph>{t('secretariat.registers.measure.intro')}</Paragraph>
      <Field>
        <Label>{t('secretariat.registers.measure.choose')}</Label>
        <Select value={known ? measureOptionValue({ plan, number: chosen }) : ''} onChange={(e) => choose(e.target.value)}>
          <Select.Option value="">{t('secretariat.registers.measure.none')}</Select.Option>
          <MeasureOptions plans={list.data?.actionPlans} />
        </Select>
      </Field>
      {params.has('measure') && list.data && !known && <Empty>{t('secretariat.registers.measure.unknown')}</Empty>}
      {((known && loading && !data) || (params.has('measure') && list.loading && !list.data)) && <Loading />}
      {known && error && !data && <ErrorState onRetry={() => void refetch()} />}
      {measure && (
        <section aria-labelledby="measure-title" className="kom-stack">
          <Heading level={2} data-size="sm" id="measure-title">
            {t('measure.numbered', { number: measure.number, label: measure.label })}
          </Heading>
          <Paragraph data-size="sm">{t('secretariat.registers.measure.plan', { plan: measure.plan?.title ?? measure.planId })}</Paragraph>
          <Paragraph data-size="sm">{t('secretariat.registers.measure.area', { area: measure.areaLabel, ministries: measure.ministries.join(', ') })}</Paragraph>
          {measure.statuses.length > 0 && (
            <Paragraph data-size="sm">
              {t('secretariat.registers.measure.statuses', { statuses: measure.statuses.map((s) => `${s.year}: ${statusLabel(s.status)}`).join(', ') })}
            </Paragraph>
          )}
          {measure.continuedIn && (
            <Paragraph data-size="sm">
              {t('secretariat.registers.measure.continuedIn', { ref: t('secretariat.registers.plan.ref', { plan: measure.continuedIn.plan, number: measure.continuedIn.number }), label: measure.continuedIn.measure?.label ?? '' })}
            </Paragraph>
          )}
          {measure.continues.map((c) => (
            <Paragraph data-size="sm" key={`${c.plan}-${c.number}`}>
              {t('secretariat.registers.measure.continues', { ref: t('secretariat.registers.plan.ref', { plan: c.plan, number: c.number }), label: c.measure?.label ?? '' })}
            </Paragraph>
          ))}
          {measure.citations.length === 0 ? (
            <Empty>{t('secretariat.registers.measure.noCitations')}</Empty>
          ) : (
            <TableScroll label={t('secretariat.registers.measure.citations', { count: measure.citations.length })}>
              <Table zebra>
                <caption>{t('secretariat.registers.measure.citations', { count: measure.citations.length })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('secretariat.registers.measure.column.kind')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.measure.column.what')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.measure.column.when')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('secretariat.registers.measure.column.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {measure.citations.map((c) => {
                    const href = HREF[c.kind]?.(c.id);
                    return (
                      <Table.Row key={`${c.kind}-${c.id}-${c.meetingId ?? ''}`}>
                        <Table.Cell>{kindLabel.get(c.kind) ?? c.kind}</Table.Cell>
                        <Table.Cell>
                          {href ? <AppLink to={href}>{c.title}</AppLink> : c.title}
                          {c.viaDecisionIds.length > 0 && <Paragraph data-size="sm">{t('secretariat.registers.measure.viaDecisions', { count: c.viaDecisionIds.length })}</Paragraph>}
                        </Table.Cell>
                        <Table.Cell>{c.at ? formatDate(c.at, language) : ''}</Table.Cell>
                        <Table.Cell>{c.status ? (t.maybe(`secretariat.registers.measure.status.${c.status}`) ?? c.status) : ''}</Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      )}
      <section aria-labelledby="plans-title" className="kom-stack">
        <Heading level={2} data-size="sm" id="plans-title">
          {t('secretariat.registers.plans')}
        </Heading>
        {newestPlansFirst(list.data?.actionPlans ?? []).map((p) => (
          <PlanMeasures key={p.id} plan={p} statusLabel={statusLabel} />
        ))}
      </section>
    </section>
  );
}
