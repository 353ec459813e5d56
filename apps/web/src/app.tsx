import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { RequireSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in.page';
import { Layout } from './components/layout';
import { HomePage } from './home.page';
import { NotFoundPage } from './not-found.page';
import { NGO_ROUTES } from './ngo/routes';
import { AUDIT_ROUTES } from './audit/routes';
import { DOCUMENT_ROUTES } from './documents/routes';
import { AGENCY_ROUTES } from './agency/routes';
import { POLICE_ROUTES } from './police/routes';
import { SECRETARIAT_ROUTES } from './secretariat/routes';
import { NOTIFICATION_ROUTES } from './notifications/routes';
import { PROPOSAL_ROUTES } from './proposals/routes';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <RequireSession><HomePage /></RequireSession> },
      ...[...NGO_ROUTES, ...AUDIT_ROUTES, ...DOCUMENT_ROUTES, ...AGENCY_ROUTES, ...POLICE_ROUTES, ...SECRETARIAT_ROUTES, ...NOTIFICATION_ROUTES, ...PROPOSAL_ROUTES].map(({ path, page }) => {
        const Page = lazy(page);
        return { path, element: <RequireSession><Page /></RequireSession> };
      }),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
