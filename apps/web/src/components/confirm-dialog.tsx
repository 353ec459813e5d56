import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/i18n';
import { SteadyButton } from './steady-button';
import { focusInstead, focusLost } from './use-focus-back';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What happens when confirmed, in words. */
  readonly consequence: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /**
   * The id of where the focus goes when the button that opened the dialog is gone after it closed
   * (the step is done, so its button is not offered any more); the page's heading if not given.
   */
  readonly returnFocusTo?: string;
  readonly children?: ReactNode;
}

export function ConfirmDialog({ open, title, consequence, confirmLabel, busy, onConfirm, onCancel, returnFocusTo, children }: ConfirmDialogProps) {
  const t = useMessages();
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs may share a page: each names itself by its own heading.
  const titleId = `confirm-title-${useId()}`;
  // Closed, the browser gives the focus back to the button that opened the dialog. A confirmed step
  // often takes that button away, at once or when the page has read its data again, and the focus
  // would fall to the start of the page: until the person moves the focus on, it is watched for.
  const opener = useRef<Element | null>(null);
  const watching = useRef(false);
  const target = useRef(returnFocusTo);
  target.current = returnFocusTo;
  const stopWatching = useRef<() => void>(() => undefined);
  // Focus left on a button of the closed dialog is lost too: the browser drops it to the start of the page later.
  const lost = () => focusLost() || Boolean(ref.current?.contains(document.activeElement));
  const rescue = () => {
    if (!watching.current) return;
    if (!lost()) {
      if (document.activeElement !== opener.current) stopWatching.current();
      return;
    }
    if (opener.current?.isConnected) return;
    stopWatching.current();
    focusInstead(target.current);
  };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      stopWatching.current();
      opener.current = focusLost() ? null : document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      watching.current = true;
      const moved = (event: FocusEvent) => {
        if (event.target !== opener.current && !dialog.contains(event.target as Node)) stopWatching.current();
      };
      document.addEventListener('focusin', moved);
      stopWatching.current = () => {
        watching.current = false;
        document.removeEventListener('focusin', moved);
      };
    }
  }, [open]);
  // After every render (the page read again) and when the dialog leaves the page with its opener.
  useEffect(rescue);
  useEffect(
    () => () => {
      rescue();
      stopWatching.current();
    },
    [],
  );
  return (
    <Dialog ref={ref} closeButton={t('action.close')} onClose={onCancel} aria-labelledby={titleId}>
      <Heading level={2} data-size="sm" id={titleId}>
        {title}
      </Heading>
      <Paragraph>{consequence}</Paragraph>
      {children}
      <div className="kom-actions">
        <SteadyButton data-color="danger" onClick={onConfirm} unavailable={Boolean(busy)}>
          {confirmLabel}
        </SteadyButton>
        <Button variant="secondary" onClick={onCancel}>
          {t('action.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
