/** Settings → AI (view kind 'ai-settings'): providers and keys, models per task, spend, prices, privacy. */
import type { ReactNode } from 'react';
import { openView } from '../../app/openView';
import type { ViewProps } from '../views/registry';
import { PricesSection, SpendSection } from './CostSection';
import { ProvidersSection } from './ProvidersSection';
import { PrivacySection, RoutingSection } from './RoutingSection';
import { useAiSettings } from './useAiSettings';
import '../../ui/dialog.css';
import './aiSettings.css';

/** The settings page. */
export default function AiSettingsView({ connection }: ViewProps): ReactNode {
  const state = useAiSettings();
  return (
    <div className="ais-page" aria-label="AI settings">
      <header className="ais-page-head">
        <div className="ais-page-title">
          <h1>AI settings</h1>
          <span className="ais-help">Your own keys, kept in the OS keychain. By default only names, types, keys and descriptions leave the machine.</span>
        </div>
        <button type="button" className="btn btn-small" onClick={() => openView({ view: 'ai-log', connectionId: connection.id, title: 'AI request log' })}>
          Request log
        </button>
      </header>
      {state.error && (
        <div className="alert ais-alert-error" role="alert">
          {state.error}
        </div>
      )}
      {!state.providers ? (
        <div className="result-empty">Loading…</div>
      ) : (
        <div className="ais-sections">
          <ProvidersSection state={state} />
          <RoutingSection state={state} />
          <SpendSection state={state} />
          <PrivacySection state={state} />
          <PricesSection state={state} />
        </div>
      )}
    </div>
  );
}
