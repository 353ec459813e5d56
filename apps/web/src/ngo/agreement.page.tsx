import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { refusalOf } from '../apollo/refusal';
import { useUser } from '../auth/session-context';
import { ConfirmDialog } from '../components/confirm-dialog';
import { LiveFollow, LiveNotice, useLiveRefetch } from '../components/live-notice';
import { AppLink } from '../components/router-link';
import { signerText } from '../components/signer';
import { Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { AgreementPageDocument, AgreementVersionDiffDocument, PartyAgreementChangedDocument, SignAgreementDocument } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { VersionDiff } from './version-diff';
import { Notice } from '../components/notice';

/** What a pushed change to the agreement reads again: the page and the comparison shown. */
const LIVE_QUERIES = [AgreementPageDocument, AgreementVersionDiffDocument];

/** A party's view of one agreement: read, compare versions, sign. Followed live (agreementChanged): a new version or signature shows at once. */
export function AgreementPage() {
  const { t, lang, language } = useI18n();
  const user = useUser();
  const { agreementId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AgreementPageDocument, { variables: { id: agreementId, lang } });
  const [sign, signing] = useMutation(SignAgreementDocument);
  const [confirming, setConfirming] = useState(false);
  const [signRefusal, setSignRefusal] = useState<string | undefined>();
  const [signed, setSigned] = useState(false);
  const agreement = data?.agreement;
  const numbers = agreement?.versions.map((v) => v.number) ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [updated, onPush] = useLiveRefetch(LIVE_QUERIES, t('live.what.agreement'));
  useTitle(agreement?.title ?? t('ngo.agreement.title'));

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('ngo.agreement.title')} error={error} onRetry={() => void refetch()} />;
  if (!agreement) {
    return (
      <section aria-labelledby="agreement-missing">
        <Heading level={1} id="agreement-missing">
          {t('ngo.agreement.missing')}
        </Heading>
        <AppLink to="/ngo/agreements">{t('ngo.agreement.back')}</AppLink>
      </section>
    );
  }
  const version = agreement.currentVersion;
  const asked = agreement.status === 'AWAITING_SIGNATURES' && version.missingSignatures.includes(user.organizationId);
  const compareFrom = from ?? (numbers.length > 1 ? numbers[numbers.length - 2] : undefined);

  const confirmSign = async () => {
    setSignRefusal(undefined);
    try {
      await sign({ variables: { input: { agreementId: agreement.id, version: version.number, expectedRevision: agreement.revision } } });
      setConfirming(false);
      setSigned(true);
      await refetch();
    } catch (e) {
      setSignRefusal(t.maybe(`refusal.${refusalOf(e)?.reason}`) ?? t('refusal.generic'));
    }
  };

  return (
    <article aria-labelledby="agreement-title" className="kom-stack">
      <AppLink to="/ngo/agreements">{t('ngo.agreement.back')}</AppLink>
      {/* The title, the purpose and a clause without a translation are the binding Norwegian text: marked so, also on an English page (WCAG 3.1.2). */}
      <Heading level={1} id="agreement-title" lang="nb">
        {agreement.title}
      </Heading>
      <LiveFollow subscription={PartyAgreementChangedDocument} variables={{ id: agreement.id }} onPush={onPush} />
      <LiveNotice updated={updated} />
      <div role="status" aria-live="polite">
        <Paragraph>
          {t('ngo.agreement.statusIs')} <Tag data-color="info">{agreement.statusLabel}</Tag>
        </Paragraph>
      </div>
      <Notice tone="success" text={signed ? t('ngo.agreement.signed') : undefined} />
      {asked && (
        <Alert data-color="warning">
          <Paragraph>{t('ngo.agreement.asked', { version: version.number })}</Paragraph>
          <Button onClick={() => setConfirming(true)}>{t('ngo.agreement.sign')}</Button>
        </Alert>
      )}
      <Notice tone="danger" text={signRefusal && !confirming ? signRefusal : undefined} />
      <ConfirmDialog
        open={confirming}
        title={t('ngo.agreement.signConfirm.title')}
        consequence={t('ngo.agreement.signConfirm.body', { version: version.number, organization: user.organizationName })}
        confirmLabel={t('ngo.agreement.sign')}
        busy={signing.loading}
        onConfirm={() => void confirmSign()}
        onCancel={() => setConfirming(false)}
      />
      <section aria-labelledby="current-title">
        <Heading level={2} id="current-title">
          {t('ngo.agreement.current', { version: version.number })}
        </Heading>
        <dl className="kom-facts">
          <dt>{t('ngo.agreement.purpose')}</dt>
          <dd lang="nb">{version.purpose}</dd>
          <dt>{t('ngo.agreement.effectiveFrom')}</dt>
          <dd>{formatDate(version.effectiveFrom, language)}</dd>
          <dt>{t('ngo.agreement.expiresOn')}</dt>
          <dd>{version.expiresOn ? formatDate(version.expiresOn, language) : t('ngo.agreements.noExpiry')}</dd>
          <dt>{t('ngo.agreement.parties')}</dt>
          <dd>{version.parties.map((p) => p.name).join(', ')}</dd>
        </dl>
        {version.clauses.map((clause) => (
          <div key={clause.section}>
            <Heading level={3} data-size="xs">
              {clause.sectionLabel}
            </Heading>
            <Paragraph lang={language === 'en' && clause.en ? 'en' : 'nb'}>{clause.text}</Paragraph>
          </div>
        ))}
      </section>
      <section aria-labelledby="signatures-title">
        <Heading level={2} id="signatures-title">
          {t('ngo.agreement.signatures')}
        </Heading>
        {agreement.signatures.length === 0 ? (
          <Paragraph>{t('ngo.agreement.noSignatures')}</Paragraph>
        ) : (
          <ul>
            {agreement.signatures.map((s) => (
              <li key={`${s.organizationId}-${s.version}`}>
                {[t('ngo.agreement.signature', { organization: s.organizationName ?? s.organizationId, version: s.version, when: formatDateTime(s.signedAt, language) }), signerText(t, s.representative)]
                  .filter(Boolean)
                  .join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      {compareFrom !== undefined && (
        <section aria-labelledby="changes-title">
          <Heading level={2} id="changes-title">
            {t('ngo.agreement.changes')}
          </Heading>
          <Field>
            <Label>{t('ngo.agreement.compareFrom')}</Label>
            <Select value={compareFrom} onChange={(e) => setFrom(Number(e.target.value))}>
              {numbers
                .filter((n) => n < version.number)
                .map((n) => (
                  <Select.Option key={n} value={n}>
                    {t('ngo.agreement.versionN', { version: n })}
                  </Select.Option>
                ))}
            </Select>
          </Field>
          <VersionDiff agreementId={agreement.id} fromVersion={compareFrom} toVersion={version.number} sections={data.sections} lang={lang} />
        </section>
      )}
    </article>
  );
}
