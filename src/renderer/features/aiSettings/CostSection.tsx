/** Spend caps with today's and this month's usage, spend by model, and the editable price table. */
import { useState, type ReactNode } from 'react';
import type { AiPrice } from '../../../shared/contracts/aiSettings';
import { useApi } from '../../api/hooks';
import { capBar, formatUsd, parseCap, parsePrice } from './model';
import type { AiSettingsState } from './useAiSettings';

/** Caps and usage bars. */
export function SpendSection({ state }: { state: AiSettingsState }): ReactNode {
  const { settings, usage } = state;
  const [capError, setCapError] = useState<string | null>(null);
  if (!settings || !usage) return null;
  const saveCap = (field: 'dailyCapUsd' | 'monthlyCapUsd', text: string): void => {
    const r = parseCap(text);
    if ('error' in r) return setCapError(r.error);
    setCapError(null);
    void state.saveSettings({ [field]: r.value });
  };
  const bars = [
    { label: 'Today', spent: usage.today.costUsd, cap: settings.dailyCapUsd, field: 'dailyCapUsd' as const, requests: usage.today.requests },
    { label: 'This month', spent: usage.month.costUsd, cap: settings.monthlyCapUsd, field: 'monthlyCapUsd' as const, requests: usage.month.requests },
  ];
  return (
    <section className="ais-section" aria-label="Spend">
      <header className="ais-section-head">
        <h2>Spend</h2>
      </header>
      <p className="ais-help">A request to a remote provider is refused before it is sent when its estimated cost would pass a cap, counting requests still running. Local models and cached answers cost nothing.</p>
      {bars.map((b) => {
        const bar = capBar(b.spent, b.cap);
        return (
          <div key={b.field} className="ais-usage">
            <span className="ais-usage-label">{b.label}</span>
            <div className={`ais-bar ais-bar-${bar.tone}`} role="meter" aria-label={`${b.label} spend`} aria-valuenow={bar.percent} aria-valuemin={0} aria-valuemax={100}>
              <div style={{ width: `${bar.percent}%` }} />
            </div>
            <span className="ais-usage-text">
              {bar.label} · {b.requests} request{b.requests === 1 ? '' : 's'}
            </span>
            <label className="ais-inline">
              cap $
              <input key={`${b.field}:${b.cap ?? ''}`} className="input ais-num" defaultValue={b.cap ?? ''} placeholder="none" aria-label={`${b.label} cap in USD`} onBlur={(e) => saveCap(b.field, e.target.value)} />
            </label>
          </div>
        );
      })}
      {capError && <div className="field-error">{capError}</div>}
      {usage.byModel.length > 0 && (
        <table className="ais-table">
          <thead>
            <tr><th>Provider · model (this month)</th><th>Requests</th><th>Tokens in / out</th><th>Cost</th></tr>
          </thead>
          <tbody>
            {usage.byModel.map((m) => (
              <tr key={`${m.provider}/${m.model}`}>
                <td>{state.providers?.find((p) => p.id === m.provider)?.name ?? m.provider} · {m.model}</td>
                <td>{m.requests}</td>
                <td>{m.inputTokens.toLocaleString('en-US')} / {m.outputTokens.toLocaleString('en-US')}</td>
                <td>{formatUsd(m.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The price table: USD per 1M tokens, defaults editable, new models addable. */
export function PricesSection({ state }: { state: AiSettingsState }): ReactNode {
  const api = useApi();
  const [row, setRow] = useState({ model: '', input: '', output: '', cached: '' });
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const save = async (prices: Omit<AiPrice, 'source'>[], remove: string[] = []): Promise<void> => {
    await state.act(() => api.call('ai.prices.save', { prices, remove }));
    state.reload();
  };
  const add = (): void => {
    const p = parsePrice(row.model, row.input, row.output, row.cached);
    if ('error' in p) return setError(p.error);
    setError(null);
    setRow({ model: '', input: '', output: '', cached: '' });
    void save([p]);
  };
  const edit = (p: AiPrice, field: 'inputPerM' | 'outputPerM' | 'cachedPerM', text: string): void => {
    const n = text.trim() === '' && field === 'cachedPerM' ? null : Number(text);
    if (n !== null && !(n >= 0)) return setError('Prices are USD per 1M tokens, zero or more.');
    if (n === p[field]) return;
    void save([{ model: p.model, inputPerM: p.inputPerM, outputPerM: p.outputPerM, cachedPerM: p.cachedPerM, [field]: n }]);
  };
  return (
    <section className="ais-section" aria-label="Prices">
      <header className="ais-section-head">
        <h2>Prices</h2>
        <span className="ais-spacer" />
        <button type="button" className="btn btn-small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide' : `Show ${state.prices?.length ?? 0} prices`}
        </button>
      </header>
      <p className="ais-help">USD per 1M tokens. A model is priced by the longest entry that names it or its family; unknown models count as $0 (noted in the log).</p>
      {open && (
        <table className="ais-table ais-prices">
          <thead>
            <tr><th>Model</th><th>Input</th><th>Output</th><th>Cached input</th><th /></tr>
          </thead>
          <tbody>
            {state.prices?.map((p) => (
              <tr key={`${p.model}:${p.inputPerM}:${p.outputPerM}:${p.cachedPerM ?? ''}`}>
                <td><code>{p.model}</code></td>
                {(['inputPerM', 'outputPerM', 'cachedPerM'] as const).map((f) => (
                  <td key={f}><input className="input ais-num" defaultValue={p[f] ?? ''} placeholder={f === 'cachedPerM' ? '= input' : ''} aria-label={`${p.model} ${f}`} onBlur={(e) => edit(p, f, e.target.value)} /></td>
                ))}
                <td>{p.source === 'user' ? <button type="button" className="btn btn-small" onClick={() => void save([], [p.model])}>Reset</button> : <span className="ais-help">default</span>}</td>
              </tr>
            ))}
            <tr>
              <td><input className="input input-mono" placeholder="model or prefix" value={row.model} aria-label="New price model" onChange={(e) => setRow({ ...row, model: e.target.value })} /></td>
              <td><input className="input ais-num" value={row.input} aria-label="New price input" onChange={(e) => setRow({ ...row, input: e.target.value })} /></td>
              <td><input className="input ais-num" value={row.output} aria-label="New price output" onChange={(e) => setRow({ ...row, output: e.target.value })} /></td>
              <td><input className="input ais-num" value={row.cached} placeholder="= input" aria-label="New price cached" onChange={(e) => setRow({ ...row, cached: e.target.value })} /></td>
              <td><button type="button" className="btn btn-small" onClick={add}>Add</button></td>
            </tr>
          </tbody>
        </table>
      )}
      {error && <div className="field-error">{error}</div>}
    </section>
  );
}
