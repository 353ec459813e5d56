import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useMessages } from '../i18n/i18n';
import { Notice } from './notice';
import { onKeptTextRestored } from './use-kept-state';

/** Says, on the page it happened, that text typed before the session ended was put back in its form. */
export function KeptTextNotice() {
  const t = useMessages();
  const { pathname } = useLocation();
  const [restoredOn, setRestoredOn] = useState<string | undefined>();
  useEffect(() => onKeptTextRestored(setRestoredOn), []);
  return <Notice tone="info" text={restoredOn === pathname ? t('kept.restored') : undefined} />;
}
