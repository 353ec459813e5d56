import { useCallback, useEffect, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors, type DocumentNode, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { anyFollowRefused, followRefused, liveStatus, onLiveStatus, type LiveStatus } from '../apollo/live-status';
import { formatTime } from '../i18n/format';
import { useI18n, useMessages } from '../i18n/i18n';

/** The socket's state, and whether the server refused something this page follows. */
export function useLiveStatus(): { status: LiveStatus; refused: boolean } {
  const read = () => ({ status: liveStatus(), refused: anyFollowRefused() });
  const [state, setState] = useState(read);
  useEffect(() => onLiveStatus(() => setState(read())), []);
  return state;
}

/**
 * The words a live page says after content changed under the reader ("Updated: positions (10:32:05)."),
 * and the function that notes a change. Only the instant is kept: the sentence is worded at each
 * render, in the language chosen then, from `what` as the caller words it in that render, so a
 * switch of language re-words a notice shown before it. The time makes each update a new
 * announcement; nothing takes focus.
 */
export function useUpdatedNotice(what: string): [string | undefined, () => void] {
  const { t, language } = useI18n();
  const [at, setAt] = useState<string | undefined>();
  const announce = useCallback(() => setAt(new Date().toISOString()), []);
  return [at === undefined ? undefined : t('live.updated', { what, time: formatTime(at, language) }), announce];
}

/**
 * What a live page does on a push: reads the named queries again (those the page shows now) and,
 * once they are back, says politely what was updated. Returns the notice's words and the handler.
 */
/** Pass the documents as a module constant, so the handler stays the same between renders. */
export function useLiveRefetch(include: readonly DocumentNode[], what: string): [string | undefined, () => void] {
  const client = useApolloClient();
  const [updated, announce] = useUpdatedNotice(what);
  const onPush = useCallback(() => {
    void client.refetchQueries({ include: [...include] }).then(() => announce());
  }, [client, announce, include]);
  return [updated, onPush];
}

/**
 * Follows one subscription and calls onPush with each pushed value; renders nothing. A list page
 * renders one per item it shows (a hook cannot be called in a loop).
 */
export function LiveFollow<TData, TVariables extends OperationVariables>({
  subscription,
  variables,
  onPush,
}: {
  subscription: TypedDocumentNode<TData, TVariables>;
  variables: TVariables;
  onPush: (data: TData | undefined) => void;
}) {
  // The options object's type depends on whether the variables are required; this component takes them always.
  const options: useSubscription.Options<TData, TVariables> = { variables, onData: ({ data }) => onPush(data.data as TData | undefined) } as useSubscription.Options<TData, TVariables>;
  const { error } = useSubscription(subscription, options);
  // A refusal (FORBIDDEN and the like) comes as GraphQL errors; a lost socket retries and never ends up here.
  const refusedNow = CombinedGraphQLErrors.is(error);
  useEffect(() => (refusedNow ? followRefused() : undefined), [refusedNow]);
  return null;
}

/**
 * Tells a reader of a live page when updates have stopped coming, that they resume by themselves,
 * and (politely, without moving focus) what was just updated.
 */
export function LiveNotice({ updated }: { updated?: string } = {}) {
  const t = useMessages();
  const { status, refused } = useLiveStatus();
  return (
    <div role="status" aria-live="polite" className="kom-live">
      {status === 'offline' ? (
        <Alert data-color="warning">
          <Paragraph>{t('live.offline')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm" className="kom-live-state">
          {status === 'live' ? t('live.on') : refused ? t('live.refused') : t('live.connecting')}
          {updated && ` ${updated}`}
        </Paragraph>
      )}
    </div>
  );
}
