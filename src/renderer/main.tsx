/** Renderer entry: one API client, the error boundary, the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/hooks';
import { ErrorBoundary } from './features/errors/ErrorBoundary';
import './styles/theme.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ApiProvider client={createApiClient()}>
        <App />
      </ApiProvider>
    </ErrorBoundary>
  </StrictMode>,
);
