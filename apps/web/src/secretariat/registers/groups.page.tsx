import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty, Loading, PageError } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { RegisterAdmitDocument, RegisterGroupDocument, RegisterLeaveDocument, type GroupKind } from '../../gql/graphql';
import { formatDate, isCalendarDay, osloToday } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { RegistersNav } from './registers-nav';
import { TableScroll } from '../../components/table-scroll';
import { Notice } from '../../components/notice';
import { SteadyButton } from '../../components/steady-button';
import { useKeptState } from '../../components/use-kept-state';

const isDateReason = (reason: string | undefined) => Boolean(reason && (reason.startsWith('EFFECTIVE_DATE') || reason === 'INVALID_DATE'));

/** A group's members on any day (the day in the URL), admitted and leaving from a date. */
export function GroupsPage() {
  const { t, lang, language } = useI18n();
  useTitle(t('secretariat.registers.groups'));
  const [params, setParams] = useSearchParams();
  const kind = (params.get('group') === 'PROJECT_GROUP' ? 'PROJECT_GROUP' : 'REFERENCE_GROUP') as GroupKind;
  const named = params.get('asOf')?.trim() ?? '';
  const asOf = isCalendarDay(named) ? named : '';
  // A link naming a day the calendar lacks is said at the field; the list shows today's members.
  const asOfError = named && !asOf ? t('secretariat.registers.group.asOfInvalid', { value: named }) : undefined;
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const { data, loading, error, refetch } = useQuery(RegisterGroupDocument, { variables: { kind, asOf: asOf || null, lang }, fetchPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<string | undefined>();
  const [organizationId, setOrganizationId] = useKeptState('admit.organization', '');
  const [from, setFrom] = useKeptState('admit.from', osloToday());
  const [errors, setErrors] = useState<Partial<Record<'organization' | 'from', string>>>({});
  const [leaving, setLeaving] = useKeptState<{ id: string; name: string; from: string; reason: string; errors: Partial<Record<'from' | 'reason', string>> } | undefined>('leaving', undefined);
  const [admit, admitting] = useMutation(RegisterAdmitDocument);
  const [leave, leavingMutation] = useMutation(RegisterLeaveDocument);
  const reasonText = (e: unknown) => t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic');

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('secretariat.registers.groups')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const members = data.group.members;
  const memberIds = new Set(members.map((m) => m.id));
  const since = (m: (typeof members)[number]) => {
    const periods = m.memberships.filter((p) => p.groupKind === kind && p.from <= (asOf || osloToday()));
    return periods[periods.length - 1]?.from;
  };

  const doAdmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!organizationId) found.organization = t('secretariat.registers.group.organizationRequired');
    if (!isCalendarDay(from)) found.from = t('secretariat.registers.group.dateRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await admit({ variables: { input: { groupKind: kind, organizationId, effectiveFrom: from } } });
      const name = data.organizations.edges.find((e) => e.node.id === organizationId)?.node.name ?? '';
      setMessage(t('secretariat.registers.group.admitted', { name, group: data.group.kindLabel, from: formatDate(from, language) }));
      setOrganizationId('');
      await refetch();
    } catch (e) {
      const reason = refusalOf(e)?.reason;
      setErrors(isDateReason(reason) ? { from: reasonText(e) } : { organization: reasonText(e) });
    }
  };

  const doLeave = async () => {
    if (!leaving) return;
    const found: NonNullable<typeof leaving>['errors'] = {};
    if (!isCalendarDay(leaving.from)) found.from = t('secretariat.registers.group.dateRequired');
    if (!leaving.reason.trim()) found.reason = t('refusal.REASON_REQUIRED');
    if (Object.keys(found).length > 0) return setLeaving({ ...leaving, errors: found });
    try {
      await leave({ variables: { input: { groupKind: kind, organizationId: leaving.id, effectiveFrom: leaving.from, reason: leaving.reason.trim() } } });
      setMessage(t('secretariat.registers.group.left', { name: leaving.name, group: data.group.kindLabel, from: formatDate(leaving.from, language) }));
      setLeaving(undefined);
      await refetch();
    } catch (e) {
      const reason = refusalOf(e)?.reason;
      setLeaving({ ...leaving, errors: isDateReason(reason) ? { from: reasonText(e) } : { reason: reasonText(e) } });
    }
  };

  return (
    <section aria-labelledby="groups-title" className="kom-stack">
      <Heading level={1} id="groups-title">
        {t('secretariat.registers.groups')}
      </Heading>
      <RegistersNav />
      <div className="kom-filters" role="group" aria-label={t('secretariat.registers.group.filters')}>
        <Field>
          <Label>{t('secretariat.registers.group.group')}</Label>
          <Select value={kind} onChange={(e) => setParam('group', e.target.value)}>
            {data.groupKinds.map((g) => (
              <Select.Option key={g.key} value={g.key}>
                {g[language]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          type="date"
          label={t('secretariat.registers.group.asOf')}
          description={t('secretariat.registers.group.asOfHint')}
          value={asOf}
          onChange={(e) => setParam('asOf', e.target.value)}
          error={asOfError}
        />
      </div>
      <Notice tone="success" text={message} />
      <Heading level={2} data-size="sm" id="members-title">
        {t('secretariat.registers.group.membersOn', { group: data.group.kindLabel, day: formatDate(asOf || osloToday(), language), count: members.length })}
      </Heading>
      {members.length === 0 ? (
        <Empty>{t('secretariat.registers.group.none')}</Empty>
      ) : (
        <TableScroll label={t('secretariat.registers.group.membersOn', { group: data.group.kindLabel, day: formatDate(asOf || osloToday(), language), count: members.length })}>
          <Table zebra aria-labelledby="members-title">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('secretariat.registers.org.column.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.registers.org.column.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.registers.group.column.since')}</Table.HeaderCell>
                <Table.HeaderCell>{t('secretariat.registers.org.column.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.map((m) => {
                const first = since(m);
                return (
                  <Table.Row key={m.id}>
                    <Table.Cell>{m.name}</Table.Cell>
                    <Table.Cell>{m.kindLabel}</Table.Cell>
                    <Table.Cell>{first ? formatDate(first, language) : ''}</Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="secondary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t('secretariat.registers.group.leaveOne', { name: m.name })}
                        onClick={() => setLeaving({ id: m.id, name: m.name, from: osloToday(), reason: '', errors: {} })}
                      >
                        {t('secretariat.registers.group.leave')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}

      <form onSubmit={(e) => void doAdmit(e)} className="kom-form" aria-labelledby="admit-title" noValidate>
        <Heading level={2} data-size="sm" id="admit-title">
          {t('secretariat.registers.group.admitTitle', { group: data.group.kindLabel })}
        </Heading>
        <Field>
          <Label>{t('secretariat.registers.group.organization')}</Label>
          <Select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} aria-invalid={errors.organization ? true : undefined}>
            <Select.Option value="">{t('secretariat.registers.group.choose')}</Select.Option>
            {data.organizations.edges
              .filter((e) => !memberIds.has(e.node.id))
              .map(({ node }) => (
                <Select.Option key={node.id} value={node.id}>
                  {node.name}
                </Select.Option>
              ))}
          </Select>
          {errors.organization && <ValidationMessage>{errors.organization}</ValidationMessage>}
        </Field>
        <Textfield type="date" label={t('secretariat.registers.group.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} />
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={admitting.loading}>
            {t('secretariat.registers.group.admit')}
          </SteadyButton>
        </div>
      </form>

      <ConfirmDialog
        open={leaving !== undefined}
        title={t('secretariat.registers.group.leaveConfirmTitle', { name: leaving?.name ?? '', group: data.group.kindLabel })}
        consequence={t('secretariat.registers.group.leaveConfirmBody')}
        confirmLabel={t('secretariat.registers.group.leaveConfirmAction')}
        busy={leavingMutation.loading}
        onConfirm={() => void doLeave()}
        onCancel={() => setLeaving(undefined)}
      >
        {leaving && (
          <div className="kom-stack">
            <Textfield type="date" label={t('secretariat.registers.group.leaveFrom')} value={leaving.from} onChange={(e) => setLeaving({ ...leaving, from: e.target.value })} error={leaving.errors.from} />
            <Textfield multiline rows={2} label={t('secretariat.registers.group.leaveReason')} value={leaving.reason} onChange={(e) => setLeaving({ ...leaving, reason: e.target.value })} error={leaving.errors.reason} />
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
