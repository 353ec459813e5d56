import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useLocation, useParams } from 'react-router';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { AppLink } from '../components/router-link';
import { recorderText } from '../components/signer';
import { Empty, Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { IssueDecisionPositionsDocument, IssuePageDocument, IssueStoryChangedDocument, WithdrawIssueDocument, type IssueStatus } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { measureNumbersText } from '../components/measure-catalogue';
import { Notice } from '../components/notice';
import { useKeptState } from '../components/use-kept-state';
import { useFocusInvalid } from '../components/use-focus-back';

/** The submitter may withdraw until the reference group forwards the issue. */
const WITHDRAWABLE: readonly IssueStatus[] = ['SUBMITTED', 'ON_REFERENCE_AGENDA'];
/** What a step in the issue's story reads again: the page (status, timeline, lineage) and the positions shown. */
const LIVE_QUERIES = [IssuePageDocument, IssueDecisionPositionsDocument];

/** Each organisation's position on a decision about the issue, with a dissent's reason. */
function DecisionPositions({ decisionId, names }: { decisionId: string; names: Map<string, string> }) {
  const { t, lang } = useI18n();
  const { data } = useQuery(IssueDecisionPositionsDocument, { variables: { id: decisionId, lang } });
  const positions = data?.decision?.positions;
  if (!positions) return null;
  if (positions.length === 0) return <Paragraph data-size="sm">{t('ngo.issue.lineage.noPositions')}</Paragraph>;
  return (
    <List.Unordered aria-label={t('ngo.issue.lineage.positions')}>
      {positions.map((p) => {
        const organization = names.get(p.organizationId) ?? p.organizationId;
        return (
          <List.Item key={p.organizationId}>
            {[
              p.reason
                ? t('ngo.issue.lineage.positionWithReason', { organization, position: p.positionLabel, reason: p.reason })
                : t('ngo.issue.lineage.position', { organization, position: p.positionLabel }),
              recorderText(t, p.representative),
            ]
              .filter(Boolean)
              .join(', ')}
          </List.Item>
        );
      })}
    </List.Unordered>
  );
}

export function IssuePage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const { issueId = '' } = useParams();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(IssuePageDocument, { variables: { id: issueId, lang } });
  // Every step of the issue's story (its own events and the meetings' events about it) reads the page again.
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.issue'));
  const [withdraw, withdrawing] = useMutation(WithdrawIssueDocument);
  const [confirming, setConfirming] = useKeptState('withdraw.open', false);
  const [reason, setReason] = useKeptState('withdraw.reason', '');
  const [withdrawRefusal, setWithdrawRefusal] = useState<string | undefined>();
  const [reasonMissing, setReasonMissing] = useState(false);
  const focusInvalid = useFocusInvalid();
  const issue = data?.issue;
  const ours = issue?.organizationId === user.organizationId;
  useTitle(issue && ours ? issue.title : issue ? t('ngo.issue.notOurs.title') : t('ngo.issue.title'));

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('ngo.issue.title')} error={error} onRetry={() => void refetch()} />;
  if (!issue) {
    return (
      <section aria-labelledby="issue-missing">
        <Heading level={1} id="issue-missing">
          {t('ngo.issue.missing')}
        </Heading>
        <AppLink to="/ngo/issues">{t('ngo.issue.back')}</AppLink>
      </section>
    );
  }
  // Another organisation's issue: this area is the organisation's own, and the server refuses to
  // follow it live (NOT_OWN_ORGANIZATION), so it is not shown here as if it were.
  if (issue.organizationId !== user.organizationId) {
    return (
      <section aria-labelledby="issue-not-ours" className="kom-stack">
        <Heading level={1} id="issue-not-ours">
          {t('ngo.issue.notOurs.title')}
        </Heading>
        <Paragraph>{t('ngo.issue.notOurs.body', { organization: user.organizationName })}</Paragraph>
        <AppLink to="/ngo/issues">{t('ngo.issue.back')}</AppLink>
      </section>
    );
  }

  const names = new Map(data.organizations.edges.map((e) => [e.node.id, e.node.name]));
  const statusName = (key: string) => {
    const label = data.statuses.find((s) => s.key === key);
    return label ? (language === 'en' ? label.en : label.nb) : key;
  };
  const decisionIds = new Set(issue.lineage.decisions.map((d) => d.decisionId));
  const agreements = data.agreements.edges.map((e) => e.node).filter((a) => a.citedDecisionIds.some((id) => decisionIds.has(id)));
  const mayWithdraw = issue.organizationId === user.organizationId && WITHDRAWABLE.includes(issue.status);

  const confirmWithdraw = async () => {
    setWithdrawRefusal(undefined);
    // The reason is required: asked for at its field, which takes the focus, rather than a button that does nothing.
    if (reason.trim() === '') {
      setReasonMissing(true);
      focusInvalid('withdraw-reason');
      return;
    }
    try {
      await withdraw({ variables: { input: { issueId: issue.id, reason, expectedRevision: issue.revision } } });
      setConfirming(false);
      await refetch();
    } catch (e) {
      const refusal = refusalOf(e);
      setWithdrawRefusal(t.maybe(`refusal.${refusal?.reason}`) ?? t('refusal.generic'));
      focusInvalid('withdraw-reason');
    }
  };

  return (
    <article aria-labelledby="issue-title" className="kom-stack">
      <Notice tone="success" text={(location.state as { raised?: boolean } | null)?.raised ? t('ngo.issue.raised') : undefined} />
      <AppLink to="/ngo/issues">{t('ngo.issue.back')}</AppLink>
      <Heading level={1} id="issue-title">
        {issue.title}
      </Heading>
      <div role="status" aria-live="polite">
        <Paragraph>
          {t('ngo.issue.statusIs')} <Tag data-color="info">{issue.statusLabel}</Tag>
        </Paragraph>
      </div>
      <LiveFollow subscription={IssueStoryChangedDocument} variables={{ id: issue.id }} onPush={onPush} />
      <LiveNotice updated={updated} />
      <dl className="kom-facts">
        <dt>{t('ngo.issue.submittedBy')}</dt>
        <dd>{names.get(issue.organizationId) ?? issue.organizationId}</dd>
        <dt>{t('ngo.issue.submittedAt')}</dt>
        <dd>{formatDateTime(issue.submittedAt, language)}</dd>
        <dt>{t('ngo.issue.category')}</dt>
        <dd>{issue.categoryLabel}</dd>
        <dt>{t('ngo.issue.measures')}</dt>
        <dd>{issue.citedMeasureRefs.length ? measureNumbersText(issue.citedMeasureRefs) : t('ngo.issue.none')}</dd>
        {issue.urgencyReason && (
          <>
            <dt>{t('ngo.issue.urgency')}</dt>
            <dd>{issue.urgencyReason}</dd>
          </>
        )}
        {issue.closingReason && (
          <>
            <dt>{t('ngo.issue.closingReason')}</dt>
            <dd>{issue.closingReason}</dd>
          </>
        )}
      </dl>
      <Paragraph className="kom-description">{issue.description}</Paragraph>
      {mayWithdraw && (
        <div className="kom-actions">
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('ngo.issue.withdraw')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('ngo.issue.withdrawConfirm.title')}
        consequence={t('ngo.issue.withdrawConfirm.body')}
        confirmLabel={t('ngo.issue.withdrawConfirm.action')}
        busy={withdrawing.loading}
        onConfirm={() => void confirmWithdraw()}
        onCancel={() => setConfirming(false)}
      >
        <Textfield
          id="withdraw-reason"
          multiline
          rows={3}
          required
          label={t('ngo.issue.withdrawConfirm.reason')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonMissing(false);
          }}
          error={reasonMissing && reason.trim() === '' ? t('ngo.issue.withdrawConfirm.reasonRequired') : withdrawRefusal}
        />
      </ConfirmDialog>

      <section aria-labelledby="timeline-title">
        <Heading level={2} id="timeline-title">
          {t('ngo.issue.timeline')}
        </Heading>
        <List.Ordered className="kom-timeline">
          {issue.timeline.map((step, index) => (
            <List.Item key={`${step.at}-${index}`}>
              <Paragraph>
                <strong>{t.maybe(`timeline.${step.event}`) ?? step.event}</strong>
                {' — '}
                {t('ngo.issue.stepBy', {
                  when: formatDateTime(step.at, language),
                  who: step.actorOrganizationId ? (names.get(step.actorOrganizationId) ?? step.actorOrganizationId) : t('ngo.issue.system'),
                  role: t.maybe(`role.${step.actorRole}`) ?? t('ngo.issue.system'),
                  status: statusName(step.status),
                })}
              </Paragraph>
              {step.note && <Paragraph data-size="sm">{step.note}</Paragraph>}
            </List.Item>
          ))}
        </List.Ordered>
      </section>

      <section aria-labelledby="lineage-title">
        <Heading level={2} id="lineage-title">
          {t('ngo.issue.lineage')}
        </Heading>
        {issue.lineage.agendaItems.length === 0 && <Empty>{t('ngo.issue.lineageEmpty')}</Empty>}
        {issue.lineage.agendaItems.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t('ngo.issue.lineage.agenda')}
            </Heading>
            <List.Unordered>
              {issue.lineage.agendaItems.map((item) => (
                <List.Item key={item.agendaItemId}>
                  {t('ngo.issue.lineage.agendaItem', { title: item.title, when: formatDate(item.at, language) })}
                  {item.removed && ` ${t('ngo.issue.lineage.removed')}`}
                </List.Item>
              ))}
            </List.Unordered>
          </>
        )}
        {issue.lineage.decisions.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t('ngo.issue.lineage.decisions')}
            </Heading>
            <List.Unordered>
              {issue.lineage.decisions.map((decision) => (
                <List.Item key={decision.decisionId}>
                  {t('ngo.issue.lineage.decision', { text: decision.text, when: formatDate(decision.at, language) })}
                  <DecisionPositions decisionId={decision.decisionId} names={names} />
                </List.Item>
              ))}
            </List.Unordered>
          </>
        )}
        {issue.lineage.actionItems.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t('ngo.issue.lineage.actionItems')}
            </Heading>
            <List.Unordered>
              {issue.lineage.actionItems.map((item) => (
                <List.Item key={item.actionItemId}>
                  {t('ngo.issue.lineage.actionItem', {
                    description: item.description,
                    who: names.get(item.responsibleOrganizationId) ?? item.responsibleOrganizationId,
                    due: formatDate(item.dueDate, language),
                  })}
                </List.Item>
              ))}
            </List.Unordered>
          </>
        )}
        {agreements.length > 0 && (
          <>
            <Heading level={3} data-size="xs">
              {t('ngo.issue.lineage.agreements')}
            </Heading>
            <List.Unordered>
              {agreements.map((agreement) => (
                <List.Item key={agreement.id}>
                  <AppLink to={`/ngo/agreements/${agreement.id}`}>
                    <span lang="nb">{agreement.title}</span>
                  </AppLink>
                </List.Item>
              ))}
            </List.Unordered>
          </>
        )}
      </section>
    </article>
  );
}
