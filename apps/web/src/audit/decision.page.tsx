import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Heading, Link, List, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useParams, useSearchParams } from 'react-router';
import { AppLink } from '../components/router-link';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { DecisionHistoryPageDocument } from '../gql/graphql';
import { formatDate, formatDateTime, isCalendarDay, osloEndOfDay, osloToday } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { OfflineVerification } from './offline-verification';
import { labelOf, namesOf, shortHash } from './labels';
import { TableScroll } from '../components/table-scroll';

/** A decision's whole story for an auditor: as it stands, or as it stood at the end of a chosen day. */
export function DecisionHistoryPage() {
  const { t, lang, language } = useI18n();
  const { decisionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const named = params.get('asOf')?.trim() || undefined;
  const namedDay = named && isCalendarDay(named) ? named : undefined;
  // A day after today is refused as the field refuses it: no story "as it stood" on a day still to come.
  const future = namedDay !== undefined && namedDay > osloToday();
  const asOfDay = future ? undefined : namedDay;
  // A link naming a day the calendar lacks, or one still to come: said at the field; the decision is shown as it stands.
  const linkError = named && !namedDay ? t('link.invalidDay', { value: named }) : future ? t('audit.decision.asOf.future') : undefined;
  const [day, setDay] = useState(namedDay ?? '');
  const [dayError, setDayError] = useState<string | undefined>(linkError);
  const { data, loading, error, refetch } = useQuery(DecisionHistoryPageDocument, {
    variables: { id: decisionId, asOf: asOfDay ? osloEndOfDay(asOfDay) : undefined, lang },
  });
  const history = data?.decisionHistory;
  useTitle(t('audit.decision.title'));

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (!isCalendarDay(day)) return setDayError(t('audit.decision.asOf.invalid'));
    if (day > osloToday()) return setDayError(t('audit.decision.asOf.future'));
    setDayError(undefined);
    setParams({ asOf: day });
  };
  const showNow = () => {
    setDay('');
    setDayError(undefined);
    setParams({});
  };

  const asOfForm = (
    <form onSubmit={show} className="kom-filters" aria-labelledby="as-of-title">
      <Heading level={2} data-size="xs" id="as-of-title" className="kom-visually-hidden">
        {t('audit.decision.asOf.title')}
      </Heading>
      <Textfield type="date" label={t('audit.decision.asOf.label')} description={t('audit.decision.asOf.description')} value={day} onChange={(e) => setDay(e.target.value)} error={dayError} />
      <div className="kom-actions">
        <Button type="submit">{t('audit.decision.asOf.show')}</Button>
        {named && (
          <Button type="button" variant="secondary" onClick={showNow}>
            {t('audit.decision.asOf.now')}
          </Button>
        )}
      </div>
    </form>
  );

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('audit.decision.title')} error={error} onRetry={() => void refetch()} />;
  if (!history) {
    return (
      <section aria-labelledby="decision-missing" className="kom-stack">
        <AppLink to="/audit/decisions">{t('audit.decision.back')}</AppLink>
        <Heading level={1} id="decision-missing">
          {asOfDay ? t('audit.decision.notYet', { day: formatDate(asOfDay, language) }) : t('audit.decision.missing')}
        </Heading>
        {named && asOfForm}
      </section>
    );
  }

  const name = namesOf(data.organizations);
  const covered = history.steps.filter((s) => s.proof).length;
  return (
    <article aria-labelledby="decision-title" className="kom-stack">
      <AppLink to="/audit/decisions">{t('audit.decision.back')}</AppLink>
      <Heading level={1} id="decision-title">
        {t('audit.decision.title')}
      </Heading>
      <Paragraph className="kom-description">{history.text}</Paragraph>
      {asOfForm}
      <div role="status" aria-live="polite">
        {asOfDay ? (
          <Alert data-color="info">
            <Paragraph>{t('audit.decision.asOf.showing', { day: formatDate(asOfDay, language) })}</Paragraph>
          </Alert>
        ) : (
          <Paragraph data-size="sm">{t('audit.decision.asOf.current')}</Paragraph>
        )}
      </div>
      <dl className="kom-facts">
        <dt>{t('audit.decision.status')}</dt>
        <dd>
          <Tag data-color={history.status === 'ACTIVE' ? 'success' : 'warning'}>{labelOf(data.decisionStatuses, history.status, language)}</Tag>
        </dd>
        {history.meeting && (
          <>
            <dt>{t('audit.decision.meeting')}</dt>
            <dd>
              {t('audit.decisions.meetingCell', {
                title: history.meeting.title,
                body: labelOf(data.meetingKinds, history.meeting.kind, language),
                when: formatDate(history.meeting.startsAt, language),
              })}
            </dd>
          </>
        )}
        {history.agendaItem && (
          <>
            <dt>{t('audit.decision.agendaItem')}</dt>
            <dd>{history.agendaItem.title}</dd>
          </>
        )}
        {history.issue && (
          <>
            <dt>{t('audit.decision.issue')}</dt>
            <dd>
              {t('audit.decision.issueValue', {
                title: history.issue.title,
                organization: name(history.issue.organizationId),
                status: labelOf(data.issueStatuses, history.issue.status, language),
              })}
            </dd>
          </>
        )}
        <dt>{t('audit.decision.attendance')}</dt>
        <dd>{history.attendance.length ? history.attendance.map(name).join(', ') : t('audit.decision.none')}</dd>
        {history.supersedes && (
          <>
            <dt>{t('audit.decision.supersedes')}</dt>
            <dd>
              <AppLink to={`/audit/decisions/${history.supersedes}`}>{t('audit.decision.openDecision')}</AppLink>
            </dd>
          </>
        )}
        {history.supersededBy && (
          <>
            <dt>{t('audit.decision.supersededBy')}</dt>
            <dd>
              <AppLink to={`/audit/decisions/${history.supersededBy}`}>{t('audit.decision.openDecision')}</AppLink>
            </dd>
          </>
        )}
        {history.revokedReason && (
          <>
            <dt>{t('audit.decision.revokedReason')}</dt>
            <dd>{history.revokedReason}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="positions-title">
        <Heading level={2} id="positions-title">
          {t('audit.decision.positions')}
        </Heading>
        {history.positions.length === 0 ? (
          <Empty>{t('audit.decision.noPositions')}</Empty>
        ) : (
          <TableScroll label={t('audit.decision.positions')}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('audit.decision.column.organization')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.decision.column.position')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.decision.column.reason')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.positions.map((p) => (
                  <Table.Row key={p.organizationId}>
                    <Table.Cell>{name(p.organizationId)}</Table.Cell>
                    <Table.Cell>{labelOf(data.positions, p.position, language)}</Table.Cell>
                    <Table.Cell>{p.reason ?? ''}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>

      {(history.actionItems.length > 0 || history.agreements.length > 0) && (
        <section aria-labelledby="follow-up-title">
          <Heading level={2} id="follow-up-title">
            {t('audit.decision.followUp')}
          </Heading>
          <List.Unordered>
            {history.actionItems.map((item) => (
              <List.Item key={item.id}>
                {t('audit.decision.actionItem', {
                  description: item.description,
                  organization: name(item.responsibleOrganizationId),
                  due: formatDate(item.dueDate, language),
                  status: labelOf(data.actionItemStatuses, item.status, language),
                })}
              </List.Item>
            ))}
            {history.agreements.map((agreement) => (
              <List.Item key={agreement.id}>
                {t('audit.decision.agreement', { title: agreement.title, status: labelOf(data.agreementStatuses, agreement.status, language) })}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}

      <section aria-labelledby="steps-title">
        <Heading level={2} id="steps-title">
          {t('audit.decision.steps')}
        </Heading>
        <Paragraph>{t('audit.decision.stepsIntro', { count: history.steps.length, covered })}</Paragraph>
        <List.Ordered className="kom-timeline">
          {history.steps.map((step) => (
            <List.Item key={step.entry.eventId}>
              <Paragraph>
                <strong>{step.entry.summary}</strong>
                {' — '}
                {t('audit.decision.stepBy', {
                  when: formatDateTime(step.entry.occurredAt, language),
                  who: step.entry.actor.organizationId ? name(step.entry.actor.organizationId) : t('role.SYSTEM'),
                  role: t.maybe(`role.${step.entry.actor.role}`) ?? t('role.SYSTEM'),
                })}
              </Paragraph>
              <Details>
                <Details.Summary>
                  {step.proof ? t('audit.decision.proven', { position: step.entry.position }) : t('audit.decision.unproven', { position: step.entry.position })}
                </Details.Summary>
                <Details.Content>
                  <dl className="kom-facts kom-proof">
                    <dt>{t('audit.decision.eventType')}</dt>
                    <dd>
                      <code>{step.entry.eventType}</code>
                    </dd>
                    <dt>{t('audit.decision.hash')}</dt>
                    <dd>
                      <code>{step.entry.hash ?? ''}</code>
                    </dd>
                    {step.proof ? (
                      <>
                        <dt>{t('audit.decision.checkpoint')}</dt>
                        <dd>{t('audit.decision.checkpointValue', { size: step.proof.treeSize, when: formatDateTime(step.proof.checkpoint.time, language) })}</dd>
                        <dt>{t('audit.decision.leaf')}</dt>
                        <dd>
                          {t('audit.decision.leafValue', { index: step.proof.leafIndex })} <code title={step.proof.leafHash}>{shortHash(step.proof.leafHash)}</code>
                        </dd>
                        <dt>{t('audit.decision.root')}</dt>
                        <dd>
                          <code>{step.proof.rootHash}</code>
                        </dd>
                        <dt>{t('audit.decision.path')}</dt>
                        <dd>
                          {step.proof.path.length === 0 ? (
                            t('audit.decision.none')
                          ) : (
                            <List.Ordered data-size="sm">
                              {step.proof.path.map((hash, i) => (
                                <List.Item key={`${i}-${hash}`}>
                                  <code>{hash}</code>
                                </List.Item>
                              ))}
                            </List.Ordered>
                          )}
                        </dd>
                      </>
                    ) : (
                      <>
                        <dt>{t('audit.decision.checkpoint')}</dt>
                        <dd>{t('audit.decision.notCovered')}</dd>
                      </>
                    )}
                  </dl>
                </Details.Content>
              </Details>
            </List.Item>
          ))}
        </List.Ordered>
      </section>

      <section aria-labelledby="bundle-title">
        <Heading level={2} id="bundle-title">
          {t('audit.decision.bundle')}
        </Heading>
        <Paragraph>{t('audit.decision.bundleIntro')}</Paragraph>
        <div>
          <Link href={`/evidence/bundle.jsonl?decisionId=${encodeURIComponent(history.decisionId)}`} download>
            {t('audit.decision.bundleDownload')}
          </Link>
        </div>
        <OfflineVerification keyId={data.auditPublicKey.keyId} />
      </section>
    </article>
  );
}
