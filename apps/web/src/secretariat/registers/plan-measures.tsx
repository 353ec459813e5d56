import { Details, Heading, Table } from '@digdir/designsystemet-react';
import type { RegisterMeasuresQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../../components/table-scroll';

type Plan = RegisterMeasuresQuery['actionPlans'][number];

/** A plan's measures with the status recorded for each year of the plan and where each was continued. */
export function PlanMeasures({ plan, statusLabel }: { plan: Plan; statusLabel: (key: string) => string }) {
  const { t } = useI18n();
  const years = Array.from({ length: plan.to - plan.from + 1 }, (_, i) => plan.from + i);
  return (
    <Details>
      <Details.Summary>
        <Heading level={3} data-size="2xs">
          {t('secretariat.registers.plan.heading', { title: plan.title, count: plan.measures.length })}
        </Heading>
      </Details.Summary>
      <Details.Content>
        <TableScroll label={t('secretariat.registers.plan.caption', { title: plan.title })}>
          <Table zebra data-size="sm">
            <caption>{t('secretariat.registers.plan.caption', { title: plan.title })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('secretariat.registers.plan.column.measure')}</Table.HeaderCell>
                {years.map((year) => (
                  <Table.HeaderCell key={year}>{year}</Table.HeaderCell>
                ))}
                <Table.HeaderCell>{t('secretariat.registers.plan.column.continuedIn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {plan.measures.map((m) => (
                <Table.Row key={m.number}>
                  <Table.HeaderCell scope="row">{t('measure.numbered', { number: m.number, label: m.label })}</Table.HeaderCell>
                  {years.map((year) => {
                    const status = m.statuses.find((s) => s.year === year)?.status;
                    return <Table.Cell key={year}>{status ? statusLabel(status) : '–'}</Table.Cell>;
                  })}
                  <Table.Cell>{m.continuedIn ? t('secretariat.registers.plan.ref', { plan: m.continuedIn.plan, number: m.continuedIn.number }) : ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </Details.Content>
    </Details>
  );
}
