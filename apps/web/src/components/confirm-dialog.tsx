import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/i18n';
import { SteadyButton } from './steady-button';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What happens when confirmed, in words. */
  readonly consequence: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly children?: ReactNode;
}

export function ConfirmDialog({ open, title, consequence, confirmLabel, busy, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const t = useMessages();
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs may share a page: each names itself by its own heading.
  const titleId = `confirm-title-${useId()}`;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
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
