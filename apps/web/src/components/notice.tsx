import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';

/**
 * Where a page tells what just happened: a region that is in the page before any message, because
 * many screen readers announce a change inside a live region but not a region that appears together
 * with its text. A refusal (danger, or `refusal` in another colour) is an alert, read at once;
 * anything else a polite status. Render it always, empty when there is nothing to say (it then
 * takes no room).
 */
export function Notice({ tone, text, children, refusal }: { tone: 'danger' | 'success' | 'warning' | 'info'; text?: string; children?: ReactNode; refusal?: boolean }) {
  const content = children ?? (text ? <Paragraph>{text}</Paragraph> : null);
  return (
    <div role={tone === 'danger' || refusal ? 'alert' : 'status'} className="kom-notice">
      {content ? <Alert data-color={tone}>{content}</Alert> : null}
    </div>
  );
}

/**
 * The page's last message, whichever its kind: a polite region and an alert region, both always
 * in the page, so a success is said politely and a refusal at once.
 */
export function MessageNotices({ message }: { message: { kind: 'success' | 'warning' | 'danger'; text: string } | undefined }) {
  const polite = message && message.kind !== 'danger' ? message : undefined;
  return (
    <>
      <Notice tone={polite?.kind ?? 'success'} text={polite?.text} />
      <Notice tone="danger" text={message?.kind === 'danger' ? message.text : undefined} />
    </>
  );
}
