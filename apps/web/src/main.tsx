import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './apollo/client';
import { SessionProvider } from './auth/session-context';
import { I18nProvider } from './i18n/i18n';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <ApolloProvider client={createApolloClient()}>
          <App />
        </ApolloProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
