import type { ReactNode } from 'react';
import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';

/** A Designsystemet link that navigates inside the app without a reload. */
export function AppLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to={to}>{children}</RouterLink>
    </Link>
  );
}
