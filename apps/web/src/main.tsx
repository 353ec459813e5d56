import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
// Designsystemet's typeface, served by the platform itself (no font service): Latin for bokmål and
// English, Latin Extended for names in Sámi and other languages; each file loads only when used.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-ext-600.css';
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
