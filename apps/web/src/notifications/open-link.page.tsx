import { Navigate, useLocation, useParams } from 'react-router';
import { useUser } from '../auth/session-context';
import { subjectPath } from './topics';

const TYPE_OF_PATH: Record<string, string> = { meetings: 'MEETING', issues: 'ISSUE', agreements: 'AGREEMENT' };

/**
 * The links in notification e-mails (/meetings/:id, /issues/:id, /agreements/:id, /action-items)
 * name the item, not a page: each role is sent to where the app shows it, else to the list of
 * notifications.
 */
export function OpenLinkPage() {
  const user = useUser();
  const { id = '' } = useParams();
  const type = TYPE_OF_PATH[useLocation().pathname.split('/')[1] ?? ''];
  const to = (type && subjectPath(type, id, user.role)) ?? '/notifications';
  return <Navigate to={to} replace />;
}
