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

/** Where the secretariat reads each kind of record that cites a measure. */
const HREF: Partial<Record<MeasureCitationKind, (id: string) => string>> = {
  DECISION: (id) => `/audit/decisions/${id}`,
  ISSUE: (id) => `/secretariat/issues/${id}`,
};

/** The plan's 35 measures, and for the one chosen (in the URL) everything that cites it. */
export function MeasuresPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.registers.measures'));
  const [params, setParams] = useSearchParams();
  const number = Number(params.get('measure'));
  const chosen = Number.isInteger(number) && number >= 1 && number <= 35 ? number : undefined;
  const list = useQuery(RegisterMeasuresDocument, { variables: { lang } });
  const { data, loading, error, refetch } = useQuery(RegisterMeasureCitationsDocument, { variables: { number: chosen ?? 1, lang }, skip: chosen === undefined, fetchPolicy: 'cache-and-network' });
  const measure = data?.measure;
  const kindLabel = new Map(data?.citationKinds.map((k) => [k.key, k[language]]));

  return (
    <section aria-labelledby="measures-title" className="kom-stack">
      <Heading level={1} id="measures-title">
        {t('secretariat.registers.measures')}
      </Heading>
      <RegistersNav />
      <Paragraph>{t('secretariat.registers.measure.intro')}</Paragraph>
      <Field>
        <Label>{t('secretariat.registers.measure.choose')}</Label>
        <Select value={chosen ? String(chosen) : ''} onChange={(e) => setParams(e.target.value ? new URLSearchParams({ measure: e.target.value }) : new URLSearchParams(), { replace: true })}>
          <Select.Option value="">{t('secretariat.registers.measure.none')}</Select.Option>
          {list.data?.measures.map((m) => (
            <Select.Option key={m.number} value={String(m.number)}>
              {t('measure.numbered', { number: m.number, label: m.label })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {chosen !== undefined && loading && !data && <Loading />}
      {chosen !== undefined && error && !data && <ErrorState onRetry={() => void refetch()} />}
      {measure && (
        <section aria-labelledby="measure-title" className="kom-stack">
          <Heading level={2} data-size="sm" id="measure-title">
            {t('measure.numbered', { number: measure.number, label: measure.label })}
          </Heading>
          <Paragraph data-size="sm">{t('secretariat.registers.measure.area', { area: measure.areaLabel, ministries: measure.ministries.join(', ') })}</Paragraph>
          {measure.citations.length === 0 ? (
            <Empty>{t('secretariat.registers.measure.noCitations')}</Empty>
          ) : (
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
          )}
        </section>
      )}
    </section>
  );
}
