import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Field, Heading, Label, List, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useLocation, useParams } from 'react-router';
import { refusalOf } from '../apollo/refusal';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { AppLink } from '../components/router-link';
import { signerText } from '../components/signer';
import { Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import {
  AgreementVersionDiffDocument,
  PoliceAgreementChangedDocument,
  PoliceAgreementDocument,
  PoliceAmendAgreementDocument,
  PoliceProposeAgreementDocument,
  PoliceRenewAgreementDocument,
  PoliceTerminateAgreementDocument,
} from '../gql/graphql';
import { formatDate, formatDateTime, osloToday } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { VersionDiff } from '../ngo/version-diff';
import { ClausesFields, clauseInputs, type Clauses } from './clauses-fields';
import { TableScroll } from '../components/table-scroll';
import { MessageNotices, Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';
import { useFocusBack } from '../components/use-focus-back';
import { useKeptState } from '../components/use-kept-state';

type Step = 'propose' | 'terminate' | undefined;
/** What a pushed change to the agreement reads again: the workspace and the comparison shown. */
const LIVE_QUERIES = [PoliceAgreementDocument, AgreementVersionDiffDocument];

/**
 * The police party's workspace for one agreement: signatures per party, amend, propose, renew,
 * terminate, compare versions. Followed live (agreementChanged): a signature or a change made
 * elsewhere shows at once; an amendment being typed stays, guarded by the revision it began from.
 */
export function PoliceAgreementPage() {
  const { t, lang, language } = useI18n();
  const { agreementId = '' } = useParams();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(PoliceAgreementDocument, { variables: { id: agreementId, lang }, fetchPolicy: 'cache-and-network' });
  const [amend, amending] = useMutation(PoliceAmendAgreementDocument);
  const [propose, proposing] = useMutation(PoliceProposeAgreementDocument);
  const [renew, renewing] = useMutation(PoliceRenewAgreementDocument);
  const [terminate, terminating] = useMutation(PoliceTerminateAgreementDocument);
  const [editing, setEditing] = useKeptState<Clauses | undefined>('amendment', undefined);
  // The revision the amendment began from: sent as expectedRevision, so a change made meanwhile is refused, not overwritten.
  const [editingRevision, setEditingRevision] = useKeptState<number | undefined>('amendment.revision', undefined);
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.agreement'));
  const [confirm, setConfirm] = useKeptState<Step>('step', undefined);
  const [reason, setReason] = useKeptState('terminate.reason', '');
  const [effectiveOn, setEffectiveOn] = useKeptState('terminate.on', osloToday());
  const [renewTo, setRenewTo] = useKeptState('renew.to', '');
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | undefined>();
  const [compareFrom, setCompareFrom] = useState<number | undefined>();
  const agreement = data?.agreement;
  const amendOpener = useFocusBack<HTMLButtonElement>(editing !== undefined);
  useTitle(agreement?.title ?? t('police.agreement.title'));

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('police.agreement.title')} error={error} onRetry={() => void refetch()} />;
  if (!agreement || !data) {
    return (
      <section aria-labelledby="agreement-missing" className="kom-stack">
        <Heading level={1} id="agreement-missing">
          {t('ngo.agreement.missing')}
        </Heading>
        <AppLink to="/police/agreements">{t('police.back')}</AppLink>
      </section>
    );
  }
  const version = agreement.currentVersion;
  const terminal = agreement.status === 'TERMINATED' || agreement.status === 'EXPIRED';
  const refused = (e: unknown) => {
    const refusal = refusalOf(e);
    const text = t.maybe(`refusal.${refusal?.reason}`) ?? t('refusal.generic');
    setMessage({ kind: 'danger', text });
    return refusal;
  };
  const done = async (text: string) => {
    setMessage({ kind: 'success', text });
    await refetch();
  };

  const startEditing = () => {
    setEditing(Object.fromEntries(version.clauses.map((c) => [c.section, { nb: c.nb, en: c.en ?? '' }])));
    setEditingRevision(agreement.revision);
  };
  const changedWhileEditing = editing !== undefined && editingRevision !== undefined && editingRevision !== agreement.revision;
  const saveAmendment = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    try {
      await amend({ variables: { input: { agreementId: agreement.id, expectedRevision: editingRevision ?? agreement.revision, clauses: clauseInputs(editing) } } });
      setEditing(undefined);
      setEditingRevision(undefined);
      await done(t('police.agreement.amended', { version: version.number + 1 }));
    } catch (e) {
      // A concurrent change: keep what was typed, show the newer version beside it.
      // Saving again goes against the agreement as it now stands (shown above and below the form).
      if (refused(e)?.reason === 'CONCURRENT_MODIFICATION') setEditingRevision((await refetch()).data?.agreement?.revision);
    }
  };
  const confirmPropose = async () => {
    try {
      await propose({ variables: { input: { agreementId: agreement.id, version: version.number, expectedRevision: agreement.revision } } });
      setConfirm(undefined);
      await done(t('police.agreement.proposed', { version: version.number }));
    } catch (e) {
      setConfirm(undefined);
      refused(e);
    }
  };
  const confirmTerminate = async () => {
    try {
      await terminate({ variables: { input: { agreementId: agreement.id, effectiveOn, reason: reason.trim(), expectedRevision: agreement.revision } } });
      setConfirm(undefined);
      await done(t('police.agreement.terminated'));
    } catch (e) {
      setConfirm(undefined);
      refused(e);
    }
  };
  const submitRenew = async (event: FormEvent) => {
    event.preventDefault();
    if (!renewTo) return setMessage({ kind: 'danger', text: t('police.agreement.renewDate') });
    try {
      await renew({ variables: { input: { agreementId: agreement.id, expiresOn: renewTo, expectedRevision: agreement.revision } } });
      await done(t('police.agreement.renewed', { date: formatDate(renewTo, language) }));
    } catch (e) {
      refused(e);
    }
  };
  const signatureOf = (organizationId: string) => agreement.signatures.filter((s) => s.organizationId === organizationId && s.version === version.number)[0];
  const versions = agreement.versions.map((v) => v.number);
  const from = compareFrom ?? (version.number > 1 ? version.number - 1 : undefined);

  return (
    <article aria-labelledby="police-agreement-title" className="kom-stack">
      <AppLink to="/police/agreements">{t('police.back')}</AppLink>
      {/* The title, purpose, roles and clauses are the binding Norwegian text: marked so, also on an English page (WCAG 3.1.2). */}
      <Heading level={1} id="police-agreement-title" lang="nb">
        {agreement.title}
      </Heading>
      <Notice tone="success" text={(location.state as { drafted?: boolean } | null)?.drafted && !message ? t('police.agreement.drafted') : undefined} />
      <LiveFollow subscription={PoliceAgreementChangedDocument} variables={{ id: agreement.id }} onPush={onPush} />
      <LiveNotice updated={updated} />
      <div role="status" aria-live="polite">
        <Paragraph>
          {t('ngo.agreement.statusIs')} <Tag data-color="info">{agreement.statusLabel}</Tag> {t('police.agreement.versionIs', { version: version.number })}
        </Paragraph>
      </div>
      <MessageNotices message={message} />

      <section aria-labelledby="signatures-title">
        <Heading level={2} id="signatures-title">
          {t('police.agreement.signatures', { version: version.number })}
        </Heading>
        <TableScroll label={t('police.agreement.signatures', { version: version.number })}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('police.agreement.party')}</Table.HeaderCell>
                <Table.HeaderCell>{t('police.agreement.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('police.agreement.signature')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {version.parties.map((party) => {
                const signed = signatureOf(party.organizationId);
                return (
                  <Table.Row key={party.organizationId}>
                    <Table.Cell>{party.name ?? party.organizationId}</Table.Cell>
                    <Table.Cell lang="nb">{party.role}</Table.Cell>
                    <Table.Cell>
                      {signed
                        ? [t('police.agreement.signedAt', { when: formatDateTime(signed.signedAt, language) }), signerText(t, signed.representative)].filter(Boolean).join(', ')
                        : version.proposedAt
                          ? t('police.agreement.awaiting')
                          : t('police.agreement.notProposed')}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      </section>

      {!terminal && (
        <section aria-labelledby="steps-title" className="kom-stack">
          <Heading level={2} id="steps-title">
            {t('police.agreement.steps')}
          </Heading>
          <div className="kom-actions">
            {!version.proposedAt && <Button onClick={() => setConfirm('propose')}>{t('police.agreement.propose', { version: version.number })}</Button>}
            {!editing && (
              <Button ref={amendOpener} variant="secondary" onClick={startEditing}>
                {t('police.agreement.amend')}
              </Button>
            )}
            <Button variant="secondary" data-color="danger" onClick={() => setConfirm('terminate')}>
              {t('police.agreement.terminate')}
            </Button>
          </div>
          {agreement.status === 'IN_FORCE' && (
            <form onSubmit={(e) => void submitRenew(e)} className="kom-filters">
              <Textfield type="date" label={t('police.agreement.renewTo')} value={renewTo} onChange={(e) => setRenewTo(e.target.value)} />
              <div className="kom-actions">
                <SteadyButton type="submit" variant="secondary" unavailable={renewing.loading}>
                  {t('police.agreement.renew')}
                </SteadyButton>
              </div>
            </form>
          )}
        </section>
      )}

      {editing && (
        <form onSubmit={(e) => void saveAmendment(e)} className="kom-form" aria-labelledby="amend-title">
          <Heading level={2} id="amend-title">
            {t('police.agreement.amendTitle', { version: version.number + 1 })}
          </Heading>
          <Paragraph>{t('police.agreement.amendIntro')}</Paragraph>
          <Notice tone="warning" text={changedWhileEditing ? t('police.agreement.changedMeanwhile', { version: version.number, status: agreement.statusLabel }) : undefined} />
          <ClausesFields sections={data.sections} clauses={editing} onChange={setEditing} />
          <div className="kom-actions">
            <SteadyButton type="submit" unavailable={amending.loading}>
              {t('police.agreement.saveAmendment')}
            </SteadyButton>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(undefined);
                setEditingRevision(undefined);
              }}
            >
              {t('action.cancel')}
            </Button>
          </div>
        </form>
      )}

      <section aria-labelledby="current-title">
        <Heading level={2} id="current-title">
          {t('ngo.agreement.current', { version: version.number })}
        </Heading>
        <Paragraph lang="nb">{version.purpose}</Paragraph>
        <List.Unordered>
          {version.clauses.map((c) => (
            <List.Item key={c.section}>
              <strong>{c.sectionLabel}:</strong> <span lang="nb">{c.nb}</span>
            </List.Item>
          ))}
        </List.Unordered>
      </section>

      {versions.length > 1 && from !== undefined && (
        <section aria-labelledby="compare-title" className="kom-stack">
          <Heading level={2} id="compare-title">
            {t('ngo.agreement.changes')}
          </Heading>
          <Field>
            <Label>{t('ngo.agreement.compareFrom')}</Label>
            <Select value={from} onChange={(e) => setCompareFrom(Number(e.target.value))}>
              {versions
                .filter((n) => n !== version.number)
                .map((n) => (
                  <Select.Option key={n} value={n}>
                    {t('ngo.agreement.versionN', { version: n })}
                  </Select.Option>
                ))}
            </Select>
          </Field>
          <VersionDiff agreementId={agreement.id} fromVersion={from} toVersion={version.number} sections={data.sections} lang={lang} />
        </section>
      )}

      <ConfirmDialog
        open={confirm === 'propose'}
        title={t('police.agreement.proposeConfirm.title')}
        consequence={t('police.agreement.proposeConfirm.body', { version: version.number })}
        confirmLabel={t('police.agreement.propose', { version: version.number })}
        busy={proposing.loading}
        returnFocusTo="steps-title"
        onConfirm={() => void confirmPropose()}
        onCancel={() => setConfirm(undefined)}
      />
      <ConfirmDialog
        open={confirm === 'terminate'}
        title={t('police.agreement.terminateConfirm.title')}
        consequence={t('police.agreement.terminateConfirm.body')}
        confirmLabel={t('police.agreement.terminate')}
        busy={terminating.loading || reason.trim() === ''}
        onConfirm={() => void confirmTerminate()}
        onCancel={() => setConfirm(undefined)}
      >
        <Textfield type="date" label={t('police.agreement.terminateOn')} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
        <Textfield multiline rows={3} label={t('police.agreement.terminateReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
    </article>
  );
}
