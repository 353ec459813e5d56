import type { ReactNode } from 'react';
import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';

/**
 * A Designsystemet link that navigates inside the app without a reload. `label` names it fully
 * where several links share their visible text (it starts with that text, so speech input finds it).
 */
export function AppLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <Link asChild>
      <RouterLink to={to} aria-label={label}>
        {children}
      </RouterLink>
    </Link>
  );
}
