import { useEffect, useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { liveStatus, onLiveStatus, type LiveStatus } from '../apollo/live-status';
import { useMessages } from '../i18n/i18n';

export function useLiveStatus(): LiveStatus {
  const [status, setStatus] = useState(liveStatus());
  useEffect(() => onLiveStatus(setStatus), []);
  return status;
}

/** Tells a reader of a live page when updates have stopped coming, and that they resume by themselves. */
export function LiveNotice() {
  const t = useMessages();
  const status = useLiveStatus();
  return (
    <div role="status" aria-live="polite" className="kom-live">
      {status === 'offline' ? (
        <Alert data-color="warning">
          <Paragraph>{t('live.offline')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm" className="kom-live-state">
          {status === 'live' ? t('live.on') : t('live.connecting')}
        </Paragraph>
      )}
    </div>
  );
}
