import { useState } from 'react';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Button, Field, Heading, Label, List, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { refusalOf } from '../../apollo/refusal';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { measureKey, type CitedMeasure } from '../../components/measure-catalogue';
import { proposerText } from '../../components/signer';
import { Empty } from '../../components/states';
import {
  AgendaAcceptProposalDocument,
  AgendaDeclineProposalDocument,
  AgendaPendingProposalsDocument,
  AgendaProposalNowDocument,
  AgendaProposalsChangedDocument,
  type PendingProposalFragment,
} from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Notice } from '../../components/notice';
import { useKeptState } from '../../components/use-kept-state';

type Proposal = PendingProposalFragment;

interface ProposalsPanelProps {
  readonly meetingId: string;
  /** Published: an accepted item is an amendment, and the dialog says so. */
  readonly published: boolean;
  /** The agenda as it stands, in order: where an accepted item may go. */
  readonly items: ReadonlyArray<{ id: string; title: string }>;
  readonly orgName: (id: string | null) => string;
  readonly measureTitle: (m: CitedMeasure) => string;
  /** Tells the reader what happened (the page's polite live region). */
  readonly say: (text: string) => void;
  /** The agenda changed: read it again. */
  readonly onAgendaChanged: () => void;
}

type Deciding = { readonly kind: 'accept' | 'decline'; readonly proposal: Proposal };

/**
 * "Proposals from members": the pending proposals for this meeting, followed live. Accept (a place
 * on the agenda, the end by default) or decline with a reason, each after a dialog naming the
 * proposal and its organisation. A proposal decided or withdrawn meanwhile is said so in the dialog,
 * and what was typed stays.
 */
export function ProposalsPanel({ meetingId, published, items, orgName, measureTitle, say, onAgendaChanged }: ProposalsPanelProps) {
  const { t, lang, language } = useI18n();
  const client = useApolloClient();
  const { data, refetch } = useQuery(AgendaPendingProposalsDocument, { variables: { meetingId }, fetchPolicy: 'cache-and-network' });
  useSubscription(AgendaProposalsChangedDocument, { variables: { meetingId }, onData: () => void refetch() });
  const [accept, accepting] = useMutation(AgendaAcceptProposalDocument);
  const [decline, declining] = useMutation(AgendaDeclineProposalDocument);
  const [deciding, setDeciding] = useKeptState<Deciding | undefined>('proposal.deciding', undefined);
  const [place, setPlace] = useKeptState('proposal.place', '');
  const [reason, setReason] = useKeptState('proposal.declineReason', '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [refused, setRefused] = useState<string | undefined>();

  const pending = (data?.agendaProposals.edges.map((e) => e.node) ?? []).filter((p) => p.status === 'PROPOSED');

  const open = (kind: Deciding['kind'], proposal: Proposal) => {
    setFieldError(undefined);
    setRefused(undefined);
    if (kind === 'accept') setPlace('');
    // A reason typed for this proposal before (a refused decline) stays.
    if (kind === 'decline' && deciding?.proposal.id !== proposal.id) setReason('');
    setDeciding({ kind, proposal });
  };

  /** A refusal: said in the dialog, in words, with the proposal's state now when it changed meanwhile. */
  const refusedWith = async (error: unknown, proposal: Proposal) => {
    const refusal = refusalOf(error);
    if (refusal?.code === 'CONFLICT' || refusal?.reason === 'PROPOSAL_ALREADY_DECIDED') {
      const now = await client.query({ query: AgendaProposalNowDocument, variables: { id: proposal.id, lang }, fetchPolicy: 'network-only' }).catch(() => undefined);
      const status = now?.data?.agendaProposal?.statusLabel;
      setRefused(status ? t('secretariat.proposals.changedMeanwhile', { title: proposal.title, status }) : t('refusal.PROPOSAL_ALREADY_DECIDED'));
      void refetch();
      return;
    }
    const text = t.maybe(`refusal.${refusal?.reason}`) ?? t(refusal ? 'refusal.generic' : 'refusal.network');
    if (refusal?.field === 'reason' || refusal?.reason === 'REASON_REQUIRED' || refusal?.reason === 'AGENDA_POSITION_OUT_OF_RANGE') setFieldError(text);
    else setRefused(text);
  };

  const doAccept = async (proposal: Proposal) => {
    const position = place === '' ? null : Number(place);
    try {
      await accept({ variables: { input: { proposalId: proposal.id, position } } });
      setDeciding(undefined);
      const at = position === null ? items.length + 1 : position + 1;
      say(t(published ? 'secretariat.proposals.acceptedAmendment' : 'secretariat.proposals.accepted', { title: proposal.title, position: at, count: items.length + 1 }));
      onAgendaChanged();
      void refetch();
    } catch (error) {
      await refusedWith(error, proposal);
    }
  };

  const doDecline = async (proposal: Proposal) => {
    const text = reason.trim();
    if (!text) {
      setFieldError(t('secretariat.proposals.decline.reasonRequired'));
      return;
    }
    try {
      await decline({ variables: { input: { proposalId: proposal.id, reason: text, expectedRevision: proposal.revision } } });
      setDeciding(undefined);
      setReason('');
      say(t('secretariat.proposals.declined', { title: proposal.title, organization: orgName(proposal.organizationId) }));
      void refetch();
    } catch (error) {
      await refusedWith(error, proposal);
    }
  };

  const current = deciding?.proposal;
  const organization = current ? orgName(current.organizationId) : '';

  return (
    <section aria-labelledby="agenda-proposals-title" className="kom-stack">
      <Heading level={2} id="agenda-proposals-title">
        {t('secretariat.proposals.title', { count: pending.length })}
      </Heading>
      <Paragraph>{t(published ? 'secretariat.proposals.introPublished' : 'secretariat.proposals.intro')}</Paragraph>
      {data && pending.length === 0 ? (
        <Empty>{t('secretariat.proposals.none')}</Empty>
      ) : (
        <ul className="kom-suggestions">
          {pending.map((p) => {
            const org = orgName(p.organizationId);
            return (
              <li key={p.id} className="kom-card kom-stack kom-proposal">
                <Heading level={3} data-size="xs">
                  {p.title}
                </Heading>
                <Paragraph data-size="sm">
                  {[t('secretariat.proposals.from', { organization: org, when: formatDateTime(p.proposedAt, language) }), proposerText(t, p.proposedBy)].filter(Boolean).join(', ')}
                </Paragraph>
                {p.description && <Paragraph>{p.description}</Paragraph>}
                {p.citedMeasureRefs.length > 0 && (
                  <List.Unordered aria-label={t('secretariat.agenda.measuresOf', { title: p.title })}>
                    {p.citedMeasureRefs.map((m) => (
                      <List.Item key={measureKey(m)}>{measureTitle(m)}</List.Item>
                    ))}
                  </List.Unordered>
                )}
                {p.citedIssueIds.length > 0 && <Paragraph data-size="sm">{t('secretariat.proposals.citesIssues', { count: p.citedIssueIds.length })}</Paragraph>}
                <div className="kom-actions">
                  <Button data-size="sm" aria-label={t('secretariat.proposals.acceptOne', { title: p.title, organization: org })} onClick={() => open('accept', p)}>
                    {t('secretariat.proposals.accept')}
                  </Button>
                  <Button variant="secondary" data-color="danger" data-size="sm" aria-label={t('secretariat.proposals.declineOne', { title: p.title, organization: org })} onClick={() => open('decline', p)}>
                    {t('secretariat.proposals.decline')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <ConfirmDialog
        open={deciding?.kind === 'accept'}
        title={t('secretariat.proposals.acceptConfirm.title', { title: current?.title ?? '', organization })}
        consequence={t(published ? 'secretariat.proposals.acceptConfirm.bodyPublished' : 'secretariat.proposals.acceptConfirm.body', { organization })}
        confirmLabel={t('secretariat.proposals.acceptConfirm.action')}
        busy={accepting.loading}
        onConfirm={() => current && void doAccept(current)}
        onCancel={() => setDeciding(undefined)}
      >
        <Field>
          <Label>{t('secretariat.proposals.acceptConfirm.place')}</Label>
          <Select value={place} onChange={(e) => (setPlace(e.target.value), setFieldError(undefined))} aria-invalid={fieldError ? true : undefined}>
            <Select.Option value="">{t('secretariat.proposals.acceptConfirm.atEnd', { position: items.length + 1 })}</Select.Option>
            {items.map((item, index) => (
              <Select.Option key={item.id} value={String(index)}>
                {t('secretariat.proposals.acceptConfirm.before', { position: index + 1, title: item.title })}
              </Select.Option>
            ))}
          </Select>
          {fieldError && deciding?.kind === 'accept' && <ValidationMessage>{fieldError}</ValidationMessage>}
        </Field>
        <Notice tone="warning" refusal text={refused && deciding?.kind === 'accept' ? refused : undefined} />
      </ConfirmDialog>

      <ConfirmDialog
        open={deciding?.kind === 'decline'}
        title={t('secretariat.proposals.declineConfirm.title', { title: current?.title ?? '', organization })}
        consequence={t('secretariat.proposals.declineConfirm.body', { organization })}
        confirmLabel={t('secretariat.proposals.declineConfirm.action')}
        busy={declining.loading}
        onConfirm={() => current && void doDecline(current)}
        onCancel={() => setDeciding(undefined)}
      >
        <Textfield
          multiline
          rows={3}
          label={t('secretariat.proposals.declineConfirm.reason')}
          description={t('secretariat.proposals.declineConfirm.reasonHelp', { organization })}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldError(undefined);
          }}
          error={deciding?.kind === 'decline' ? fieldError : undefined}
        />
        <Notice tone="warning" refusal text={refused && deciding?.kind === 'decline' ? refused : undefined} />
      </ConfirmDialog>
    </section>
  );
}
