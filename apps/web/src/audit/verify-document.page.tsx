import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Heading, Label, List, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { csrfToken } from '../auth/session';
import { useTitle } from '../components/use-title';
import { useI18n } from '../i18n/i18n';
import { Notice } from '../components/notice';
import { SteadyButton } from '../components/steady-button';

/** The server takes at most 1 MiB of JSON: the file, base64 (4/3 of its size), fits under that. */
const MAX_BYTES = 760 * 1024;

type Outcome =
  | { readonly identical: true; readonly position: string; readonly kind: string; readonly sha256: string }
  | {
      readonly identical: false;
      /** LAYOUT_CHANGED: built by an earlier layout of the platform's documents; its stamp is checked, not its bytes. */
      readonly reason?: 'CONTENT_DIFFERS' | 'LAYOUT_CHANGED';
      readonly stampMatchesLog?: boolean;
      readonly layout?: { readonly file: number; readonly current: number };
      readonly position: string;
      readonly kind: string;
      readonly differences: readonly string[];
    };

function base64Of(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * An auditor checks a document KOM published: the platform reads its provenance stamp, rebuilds it
 * from the log as of that position and says whether the bytes are the same (`kom verify --document`).
 */
export function VerifyDocumentPage() {
  const { t } = useI18n();
  useTitle(t('audit.verifyDocument.title'));
  const [file, setFile] = useState<File | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setOutcome(undefined);
    setFailure(undefined);
    setFieldError(undefined);
    setFile(event.target.files?.[0]);
  };
  // Trying again later helps only when the service failed (5xx); a refused file or request (4xx) stays refused.
  const failureText = (status: number) =>
    status === 401 ? t('audit.verifyDocument.signedOut') : status >= 400 && status < 500 ? t('audit.verifyDocument.refused') : t('audit.verifyDocument.failed');
  const check = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    setFailure(undefined);
    if (!file) return setFieldError(t('audit.verifyDocument.noFile'));
    if (file.size === 0) return setFieldError(t('refusal.DOCUMENT_REQUIRED'));
    if (file.size > MAX_BYTES) return setFieldError(t('audit.verifyDocument.tooLarge'));
    setFieldError(undefined);
    setBusy(true);
    try {
      const response = await fetch('/documents/verify', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() ?? '' },
        body: JSON.stringify({ contentBase64: base64Of(await file.arrayBuffer()) }),
      });
      const body = (await response.json().catch(() => ({}))) as Outcome & { error?: { reason?: string } };
      const reason = body.error?.reason;
      if (response.ok) setOutcome(body);
      else if (reason === 'NO_VALID_STAMP') setFieldError(t('audit.verifyDocument.noStamp'));
      else if (reason === 'DOCUMENT_REQUIRED') setFieldError(t('refusal.DOCUMENT_REQUIRED'));
      else setFailure(t.maybe(`refusal.${reason}`) ?? failureText(response.status));
    } catch {
      setFailure(t('audit.verifyDocument.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="verify-document-title" className="kom-stack">
      <Heading level={1} id="verify-document-title">
        {t('audit.verifyDocument.title')}
      </Heading>
      <Paragraph>{t('audit.verifyDocument.intro')}</Paragraph>
      <form onSubmit={(e) => void check(e)} className="kom-form" noValidate>
        <div className="kom-stack kom-file">
          <Label htmlFor="document-file">{t('audit.verifyDocument.file')}</Label>
          <Paragraph data-size="sm" id="document-file-hint">
            {t('audit.verifyDocument.fileHint')}
          </Paragraph>
          <input
            id="document-file"
            type="file"
            accept=".pdf,.html,.csv,.xlsx,.ics"
            onChange={choose}
            aria-describedby={fieldError ? 'document-file-hint document-file-error' : 'document-file-hint'}
            aria-invalid={fieldError ? true : undefined}
          />
          {fieldError && <ValidationMessage id="document-file-error">{fieldError}</ValidationMessage>}
        </div>
        <div className="kom-actions">
          <SteadyButton type="submit" unavailable={busy}>
            {busy ? t('audit.verifyDocument.checking') : t('audit.verifyDocument.check')}
          </SteadyButton>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {outcome?.identical === true && (
          <Alert data-color="success">
            <Heading level={2} data-size="xs">
              {t('audit.verifyDocument.identical')}
            </Heading>
            <Paragraph>{t('audit.verifyDocument.identicalBody', { kind: t.maybe(`documents.kind.${outcome.kind}`) ?? outcome.kind, position: outcome.position })}</Paragraph>
            <Paragraph data-size="sm">
              {t('audit.verifyDocument.sha256')} <code>{outcome.sha256}</code>
            </Paragraph>
          </Alert>
        )}
        {outcome?.identical === false && outcome.reason === 'LAYOUT_CHANGED' && outcome.layout && (
          <Alert data-color={outcome.stampMatchesLog ? 'warning' : 'danger'}>
            <Heading level={2} data-size="xs">
              {t('audit.verifyDocument.layoutChanged')}
            </Heading>
            <Paragraph>
              {t(outcome.stampMatchesLog ? 'audit.verifyDocument.layoutChangedStampTrue' : 'audit.verifyDocument.layoutChangedStampFalse', {
                file: String(outcome.layout.file),
                current: String(outcome.layout.current),
                position: outcome.position,
              })}
            </Paragraph>
          </Alert>
        )}
        {outcome?.identical === false && outcome.reason !== 'LAYOUT_CHANGED' && (
          <Alert data-color="danger">
            <Heading level={2} data-size="xs">
              {t('audit.verifyDocument.different')}
            </Heading>
            <Paragraph>{t('audit.verifyDocument.differentBody', { kind: t.maybe(`documents.kind.${outcome.kind}`) ?? outcome.kind, position: outcome.position })}</Paragraph>
            <List.Unordered>
              {outcome.differences.slice(0, 20).map((line, i) => (
                <List.Item key={`${i}-${line}`}>
                  <code>{line}</code>
                </List.Item>
              ))}
            </List.Unordered>
          </Alert>
        )}
        <Notice tone="danger" text={failure} />
      </div>
    </section>
  );
}
