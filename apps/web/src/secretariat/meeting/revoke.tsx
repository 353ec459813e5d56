import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useKeptState } from '../../components/use-kept-state';
import { SecretariatRevokeDecisionDocument } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { DecisionSearch, type FoundDecision } from './decision-search';
import { refusalText, type MeetingContext } from './shared';

/** Revoke an earlier decision at this meeting: find it, give the reason, confirm what happens. */
export function RevokeDecision({ context }: { context: MeetingContext }) {
  const { t, language } = useI18n();
  const [revoking, setRevoking] = useKeptState<FoundDecision | undefined>('revoke.decision', undefined);
  const [reason, setReason] = useKeptState('revoke.reason', '');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const [revoke, revokeMutation] = useMutation(SecretariatRevokeDecisionDocument);
  const confirm = async () => {
    if (!revoking) return;
    if (!reason.trim()) return setReasonError(t('refusal.REASON_REQUIRED'));
    try {
      await revoke({ variables: { input: { decisionId: revoking.id, reason: reason.trim() } } });
      context.announce(t('secretariat.meeting.revoke.done', { text: revoking.text }));
      setRevoking(undefined);
      setReason('');
      setVersion(version + 1);
    } catch (e) {
      setReasonError(refusalText(t, e));
    }
  };
  return (
    <section aria-labelledby="revoke-title" className="kom-stack">
      <Heading level={2} data-size="sm" id="revoke-title">
        {t('secretariat.meeting.revoke.title')}
      </Heading>
      <Paragraph>{t('secretariat.meeting.revoke.intro')}</Paragraph>
      <DecisionSearch
        context={context}
        idPrefix="revoke"
        headingLevel={3}
        version={version}
        actionLabel={(d) => t('secretariat.meeting.revoke.pick', { text: d.text })}
        onPick={(d) => (setReason(''), setReasonError(undefined), setRevoking(d))}
      />
      <ConfirmDialog
        open={revoking !== undefined}
        title={t('secretariat.meeting.revoke.confirm.title')}
        consequence={t('secretariat.meeting.revoke.confirm.body', {
          text: revoking?.text ?? '',
          meeting: revoking?.meeting?.title ?? '',
          when: revoking?.meeting ? formatDate(revoking.meeting.startsAt, language) : '',
        })}
        confirmLabel={t('secretariat.meeting.revoke.confirm.action')}
        busy={revokeMutation.loading}
        onConfirm={() => void confirm()}
        onCancel={() => setRevoking(undefined)}
      >
        <Textfield multiline rows={2} label={t('secretariat.meeting.revoke.reason')} value={reason} onChange={(e) => (setReason(e.target.value), setReasonError(undefined))} error={reasonError} />
      </ConfirmDialog>
    </section>
  );
}
