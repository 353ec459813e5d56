import { useEffect, useState, type FormEvent } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Loading, PageError } from '../components/states';
import { useTitle } from '../components/use-title';
import { IntegrityPageDocument, IntegrityProgressDocument, RunVerificationDocument, type RunVerificationQuery } from '../gql/graphql';
import { formatDateTime, osloToday } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { OfflineVerification } from './offline-verification';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';

type Report = RunVerificationQuery['verifyIntegrity'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Verification of the whole log, the signed checkpoints and the key, and evidence bundles for a period. */
export function IntegrityPage() {
  const { t, language } = useI18n();
  useTitle(t('audit.integrity.title'));
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(IntegrityPageDocument, { fetchPolicy: 'cache-and-network' });
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<Report | undefined>();
  const [failed, setFailed] = useState(false);
  const progress = useQuery(IntegrityProgressDocument, { skip: !running, pollInterval: 500, fetchPolicy: 'network-only' });

  const run = async () => {
    setRunning(true);
    setFailed(false);
    setReport(undefined);
    try {
      const result = await client.query({ query: RunVerificationDocument, fetchPolicy: 'network-only' });
      setReport(result.data?.verifyIntegrity);
      void refetch();
    } catch {
      setFailed(true);
    } finally {
      setRunning(false);
    }
  };

  const [from, setFrom] = useState(`${osloToday().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(osloToday());
  const [rangeError, setRangeError] = useState<string | undefined>();
  const [bundleHref, setBundleHref] = useState<string | undefined>();
  useEffect(() => setBundleHref(undefined), [from, to]);
  const prepare = (event: FormEvent) => {
    event.preventDefault();
    if (!DAY.test(from) || !DAY.test(to)) return setRangeError(t('audit.integrity.bundle.invalid'));
    if (from > to) return setRangeError(t('audit.filter.backwards'));
    setRangeError(undefined);
    setBundleHref(`/evidence/bundle.jsonl?${new URLSearchParams({ from, to }).toString()}`);
  };

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError title={t('audit.integrity.title')} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const latest = data.latestAuditCheckpoint;
  const shown = report ?? (running ? undefined : data.integrityCheck.lastReport);
  const checked = progress.data?.integrityCheck.checkedEvents ?? 0;
  const total = progress.data?.integrityCheck.totalEvents ?? undefined;

  return (
    <section aria-labelledby="integrity-title" className="kom-stack">
      <Heading level={1} id="integrity-title">
        {t('audit.integrity.title')}
      </Heading>
      <Paragraph>{t('audit.integrity.intro')}</Paragraph>

      <section aria-labelledby="verify-title">
        <Heading level={2} id="verify-title">
          {t('audit.integrity.verify')}
        </Heading>
        <Paragraph>{t('audit.integrity.verifyIntro')}</Paragraph>
        <div className="kom-actions">
          <SteadyButton onClick={() => void run()} unavailable={running} aria-describedby="verify-state">
            {running ? t('audit.integrity.running') : t('audit.integrity.run')}
          </SteadyButton>
        </div>
        <div id="verify-state" role="status" aria-live="polite" className="kom-stack">
          {running && (
            <>
              <label htmlFor="verify-progress">{total ? t('audit.integrity.progress', { checked, total }) : t('audit.integrity.progressUnknown', { checked })}</label>
              <progress id="verify-progress" max={total ?? undefined} value={total ? Math.min(checked, total) : undefined} />
            </>
          )}
          <Notice tone="danger" text={failed ? t('audit.integrity.failed') : undefined} />
          {shown && (
            <Alert data-color={shown.valid ? 'success' : 'danger'}>
              <Heading level={3} data-size="xs">
                {shown.valid ? t('audit.integrity.valid') : t('audit.integrity.invalid')}
              </Heading>
              <Paragraph>{t('audit.integrity.checked', { events: shown.checkedEvents, checkpoints: shown.checkpointsChecked })}</Paragraph>
              {!shown.valid && <Paragraph>{t('audit.integrity.firstInvalid', { position: shown.firstInvalidPosition ?? '?', reason: shown.reason ?? '' })}</Paragraph>}
              {!report && data.integrityCheck.lastFinishedAt && (
                <Paragraph data-size="sm">{t('audit.integrity.lastRun', { when: formatDateTime(data.integrityCheck.lastFinishedAt, language) })}</Paragraph>
              )}
            </Alert>
          )}
        </div>
      </section>

      <section aria-labelledby="checkpoint-title">
        <Heading level={2} id="checkpoint-title">
          {t('audit.integrity.checkpoint')}
        </Heading>
        {latest ? (
          <dl className="kom-facts kom-proof">
            <dt>{t('audit.integrity.checkpoint.size')}</dt>
            <dd>{t('audit.integrity.checkpoint.sizeValue', { size: latest.treeSize, position: latest.position })}</dd>
            <dt>{t('audit.integrity.checkpoint.time')}</dt>
            <dd>{formatDateTime(latest.time, language)}</dd>
            <dt>{t('audit.integrity.checkpoint.root')}</dt>
            <dd>
              <code>{latest.rootHash}</code>
            </dd>
            <dt>{t('audit.integrity.checkpoint.count')}</dt>
            <dd>{data.auditCheckpointCount}</dd>
          </dl>
        ) : (
          <Paragraph>{t('audit.integrity.checkpoint.none')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="key-title">
        <Heading level={2} id="key-title">
          {t('audit.integrity.key')}
        </Heading>
        <dl className="kom-facts kom-proof">
          <dt>{t('audit.integrity.key.id')}</dt>
          <dd>
            <code>{data.auditPublicKey.keyId}</code>
          </dd>
          <dt>{t('audit.integrity.key.algorithm')}</dt>
          <dd>{data.auditPublicKey.algorithm}</dd>
        </dl>
        <pre tabIndex={0} aria-label={t('audit.integrity.key.pem')}>
          <code>{data.auditPublicKey.publicKeyPem}</code>
        </pre>
        <div>
          <Link href="/.well-known/kom-audit-key">{t('audit.integrity.key.published')}</Link>
        </div>
      </section>

      <section aria-labelledby="range-bundle-title">
        <Heading level={2} id="range-bundle-title">
          {t('audit.integrity.bundle')}
        </Heading>
        <Paragraph>{t('audit.integrity.bundle.intro')}</Paragraph>
        <form onSubmit={prepare} className="kom-filters" noValidate>
          <Textfield type="date" label={t('audit.integrity.bundle.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
          <Textfield type="date" label={t('audit.integrity.bundle.to')} value={to} onChange={(e) => setTo(e.target.value)} error={rangeError} />
          <div className="kom-actions">
            <Button type="submit" variant="secondary">
              {t('audit.integrity.bundle.prepare')}
            </Button>
          </div>
        </form>
        {bundleHref && (
          <div role="status">
            <Link href={bundleHref} download>
              {t('audit.integrity.bundle.download', { from, to })}
            </Link>
          </div>
        )}
        <OfflineVerification keyId={data.auditPublicKey.keyId} />
      </section>
    </section>
  );
}
