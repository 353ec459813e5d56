import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../components/states';
import { keptTextFor } from '../components/use-kept-state';
import { useMessages } from '../i18n/i18n';
import { NotForRole } from './not-for-role';
import { loadSession, signInPath, type Role, type Session, type SessionUser } from './session';

type SessionState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; session: Session };

interface SessionContextValue {
  readonly state: SessionState;
  readonly reload: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const session = await loadSession();
      // Someone else signed in in this tab: what the one before kept unsaved is not theirs to see.
      if (session.authenticated) keptTextFor(session.user);
      setState({ status: 'ready', session });
    } catch {
      setState({ status: 'failed' });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <SessionContext.Provider value={{ state, reload }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

const UserContext = createContext<SessionUser | undefined>(undefined);

/** The signed-in user; only inside RequireSession. */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside RequireSession');
  return user;
}

/**
 * Pages behind it need a session; without one the user signs in and comes back here. With `roles`,
 * the page is one of those roles' areas: anyone else is told so, and the page is not shown.
 */
export function RequireSession({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { state, reload } = useSession();
  const location = useLocation();
  const t = useMessages();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <ErrorState message={t('signIn.unavailable')} onRetry={() => void reload()} />;
  if (!state.session.authenticated) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (roles && !roles.includes(state.session.user.role)) return <NotForRole roles={roles} user={state.session.user} />;
  return <UserContext.Provider value={state.session.user}>{children}</UserContext.Provider>;
}
