import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Button, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LiveNotice } from '../components/live-notice';
import { proposerText } from '../components/signer';
import { Pager } from '../components/pager';
import { Empty, ErrorState, Loading, PageError } from '../components/states';
import { useCursorPages } from '../components/use-cursor-pages';
import { useTitle } from '../components/use-title';
import { documentHref } from '../documents/links';
import {
  OurProposalChangedDocument,
  OurProposalsDocument,
  ProposalChoicesDocument,
  WithdrawAgendaProposalDocument,
  type AgendaProposalStatus,
  type OurProposalFragment,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { proposableMeetings } from './proposable';
import { ProposalForm } from './proposal-form';
import { measureNumbersText } from '../components/measure-catalogue';
import { Notice } from '../components/notice';
import { useKeptState } from '../components/use-kept-state';

const STATUS_COLOR: Readonly<Record<AgendaProposalStatus, 'info' | 'success' | 'danger' | 'neutral'>> = {
  PROPOSED: 'info',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  WITHDRAWN: 'neutral',
};

/**
 * A member's agenda proposals: propose an item for a coming meeting of a body the organisation
 * belongs to, and follow "Our proposals" live as the secretariat decides; withdraw while pending.
 */
export function ProposalsPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  useTitle(t('proposals.title'));
  // Fixed for the page's life (a new instant every render would be a new query every render).
  const [now] = useState(() => new Date());
  const choices = useQuery(ProposalChoicesDocument, {
    variables: { organizationId: user.organizationId, from: now.toISOString(), lang, withIssues: user.role === 'NGO_REPRESENTATIVE' },
  });
  const pages = useCursorPages();
  const list = useQuery(OurProposalsDocument, { variables: { lang, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const [withdraw, withdrawing] = useMutation(WithdrawAgendaProposalDocument);
  const [said, setSaid] = useState('');
  const [refused, setRefused] = useState<string | undefined>();
  const [confirmWithdraw, setConfirmWithdraw] = useKeptState<OurProposalFragment | undefined>('proposal.withdrawing', undefined);
  const [withdrawReason, setWithdrawReason] = useKeptState('proposal.withdrawReason', '');

  const proposals = list.data?.agendaProposals.edges.map((e) => e.node) ?? [];
  // The status each proposal had when first listed or last pushed: a pushed change is told only when it is news.
  const shown = useRef(new Map<string, AgendaProposalStatus>());
  useEffect(() => {
    for (const p of proposals) if (!shown.current.has(p.id)) shown.current.set(p.id, p.status);
  });

  useSubscription(OurProposalChangedDocument, {
    variables: { lang },
    onData: ({ data }) => {
      const p = data.data?.agendaProposalChanged;
      if (p && shown.current.get(p.id) === 'PROPOSED' && p.status !== 'PROPOSED') {
        const meeting = p.meeting?.title ?? '';
        if (p.status === 'ACCEPTED') setSaid(t('proposals.live.accepted', { title: p.title, meeting }));
        if (p.status === 'DECLINED') setSaid(t('proposals.live.declined', { title: p.title, reason: p.reason ?? '' }));
        if (p.status === 'WITHDRAWN') setSaid(t('proposals.live.withdrawn', { title: p.title }));
      }
      if (p) shown.current.set(p.id, p.status);
      // A colleague's new proposal joins the list: read it again rather than guess its place.
      void list.refetch();
    },
  });

  if (choices.loading && !choices.data) return <Loading />;
  if (choices.error && !choices.data) return <PageError title={t('proposals.title')} error={choices.error} onRetry={() => void choices.refetch()} />;
  const memberships = choices.data?.organization?.memberships ?? [];
  const meetings = proposableMeetings(choices.data?.meetings.edges.map((e) => e.node) ?? [], memberships, now);
  const issues = choices.data?.issues?.edges.map((e) => e.node);

  const doWithdraw = async () => {
    const proposal = confirmWithdraw;
    if (!proposal) return;
    try {
      await withdraw({ variables: { lang, input: { proposalId: proposal.id, reason: withdrawReason.trim() || null, expectedRevision: proposal.revision } } });
      shown.current.set(proposal.id, 'WITHDRAWN');
      setConfirmWithdraw(undefined);
      setRefused(undefined);
      setSaid(t('proposals.withdrawn', { title: proposal.title }));
      document.getElementById('our-proposals-title')?.focus();
    } catch (error) {
      setConfirmWithdraw(undefined);
      const refusal = refusalOf(error);
      setSaid('');
      setRefused(
        refusal?.code === 'CONFLICT' || refusal?.reason === 'PROPOSAL_ALREADY_DECIDED'
          ? t('proposals.withdrawTooLate', { title: proposal.title })
          : (t.maybe(`refusal.${refusal?.reason}`) ?? t(refusal ? 'refusal.generic' : 'refusal.network')),
      );
      await list.refetch();
    }
  };

  return (
    <section aria-labelledby="proposals-title" className="kom-stack">
      <Heading level={1} id="proposals-title">
        {t('proposals.title')}
      </Heading>
      <Paragraph>{t(user.role === 'NGO_REPRESENTATIVE' ? 'proposals.introNgo' : 'proposals.introAgency', { organization: user.organizationName })}</Paragraph>
      <ProposalForm
        meetings={meetings}
        plans={choices.data?.actionPlans ?? []}
        issues={issues}
        onSent={(proposal) => {
          shown.current.set(proposal.id, proposal.status);
          setRefused(undefined);
          setSaid(t('proposals.sent', { title: proposal.title, meeting: proposal.meeting?.title ?? '' }));
          pages.reset();
          void list.refetch();
        }}
      />
      <LiveNotice />
      <div role="status" aria-live="polite" aria-atomic="true">
        {said && <Paragraph>{said}</Paragraph>}
      </div>
      <div role="alert">
        <Notice tone="danger" text={refused} />
      </div>
      <section aria-labelledby="our-proposals-title" className="kom-stack">
        <Heading level={2} id="our-proposals-title" tabIndex={-1}>
          {t('proposals.ours')}
        </Heading>
        {list.loading && !list.data && <Loading />}
        {list.error && !list.data && <ErrorState onRetry={() => void list.refetch()} />}
        {list.data && proposals.length === 0 && <Empty>{t('proposals.none')}</Empty>}
        {proposals.length > 0 && (
          <ul className="kom-suggestions" aria-labelledby="our-proposals-title">
            {proposals.map((p) => (
              <li key={p.id} className="kom-card kom-proposal">
                <Heading level={3} data-size="xs">
                  {p.title}
                </Heading>
                <Paragraph data-size="sm">
                  {p.meeting
                    ? t('proposals.forMeeting', { meeting: p.meeting.title, body: p.meeting.kindLabel, when: formatDateTime(p.meeting.startsAt, language) })
                    : t('proposals.forUnknownMeeting')}
                </Paragraph>
                <Paragraph data-size="sm">
                  <Tag data-color={STATUS_COLOR[p.status]}>{p.statusLabel}</Tag>{' '}
                  {[t('proposals.proposedAt', { when: formatDateTime(p.proposedAt, language) }), proposerText(t, p.proposedBy)].filter(Boolean).join(', ')}
                  {p.decidedAt && ` · ${t('proposals.decidedAt', { when: formatDateTime(p.decidedAt, language) })}`}
                </Paragraph>
                {p.citedMeasureRefs.length > 0 && <Paragraph data-size="sm">{t('proposals.measures', { measures: measureNumbersText(p.citedMeasureRefs) })}</Paragraph>}
                {p.status === 'DECLINED' && p.reason && <Paragraph>{t('proposals.declinedReason', { reason: p.reason })}</Paragraph>}
                {p.status === 'WITHDRAWN' && p.reason && <Paragraph>{t('proposals.withdrawnReason', { reason: p.reason })}</Paragraph>}
                {p.status === 'ACCEPTED' &&
                  (p.meeting?.agendaPublishedAt ? (
                    <Paragraph data-size="sm">
                      <Link href={documentHref('agenda', 'pdf', { meetingId: p.meetingId }, language)}>{t('proposals.agendaPdf', { meeting: p.meeting.title })}</Link>
                    </Paragraph>
                  ) : (
                    <Paragraph data-size="sm">{t('proposals.agendaNotPublished')}</Paragraph>
                  ))}
                {p.status === 'PROPOSED' && (
                  <div className="kom-actions">
                    <Button
                      variant="secondary"
                      data-color="danger"
                      data-size="sm"
                      aria-label={t('proposals.withdrawOne', { title: p.title })}
                      onClick={() => {
                        setWithdrawReason('');
                        setConfirmWithdraw(p);
                      }}
                    >
                      {t('proposals.withdraw')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pager
          page={pages.page}
          hasNext={Boolean(list.data?.agendaProposals.pageInfo.hasNextPage)}
          onPrevious={pages.previous}
          onNext={() => list.data?.agendaProposals.pageInfo.endCursor && pages.next(list.data.agendaProposals.pageInfo.endCursor)}
        />
      </section>
      <ConfirmDialog
        open={confirmWithdraw !== undefined}
        title={t('proposals.withdrawConfirm.title', { title: confirmWithdraw?.title ?? '' })}
        consequence={t('proposals.withdrawConfirm.body', { meeting: confirmWithdraw?.meeting?.title ?? '' })}
        confirmLabel={t('proposals.withdrawConfirm.action')}
        busy={withdrawing.loading}
        onConfirm={() => void doWithdraw()}
        onCancel={() => setConfirmWithdraw(undefined)}
      >
        <Textfield multiline rows={2} label={t('proposals.withdrawConfirm.reason')} value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} />
      </ConfirmDialog>
    </section>
  );
}
