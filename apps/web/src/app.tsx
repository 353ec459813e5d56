import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { AreaRoute } from './area-route';
import { RequireSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in.page';
import { Layout } from './components/layout';
import { HomePage } from './home.page';
import { NotFoundPage } from './not-found.page';
import { RouteErrorPage } from './route-error.page';
import { NGO_ROUTES } from './ngo/routes';
import { AUDIT_ROUTES } from './audit/routes';
import { DOCUMENT_ROUTES } from './documents/routes';
import { AGENCY_ROUTES } from './agency/routes';
import { POLICE_ROUTES } from './police/routes';
import { SECRETARIAT_ROUTES } from './secretariat/routes';
import { NOTIFICATION_ROUTES } from './notifications/routes';
import { PROPOSAL_ROUTES } from './proposals/routes';

const AREAS: readonly AreaRoute[] = [...NGO_ROUTES, ...AUDIT_ROUTES, ...DOCUMENT_ROUTES, ...AGENCY_ROUTES, ...POLICE_ROUTES, ...SECRETARIAT_ROUTES, ...NOTIFICATION_ROUTES, ...PROPOSAL_ROUTES];

// A page that fails shows the error page in its place, inside the layout; the layout's own route
// has one too, for a failure of the layout itself.
const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: (
      <main id="main" className="kom-main">
        <RouteErrorPage />
      </main>
    ),
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/', element: <RequireSession><HomePage /></RequireSession> },
          ...AREAS.map(({ path, page, roles }) => {
            const Page = lazy(page);
            return { path, element: <RequireSession roles={roles}><Page /></RequireSession> };
          }),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
