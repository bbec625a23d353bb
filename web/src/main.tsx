import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { SignInGate } from './team/sign-in-gate.tsx';
import { MeProvider } from './team/me-context.tsx';
import { I18nProvider } from './i18n/i18n-context.tsx';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <MeProvider>
        <SignInGate>
          <App />
        </SignInGate>
      </MeProvider>
    </I18nProvider>
  </StrictMode>,
);
