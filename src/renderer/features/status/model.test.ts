import { describe, expect, it } from 'vitest';
import { connectionCountLabel, modeLabel, shortenPath } from './model';

describe('status bar model', () => {
  it('says when the web server is gone', () => {
    expect(modeLabel('web', 'open')).toBe('Web mode');
    expect(modeLabel('electron', 'open')).toBe('Desktop');
    expect(modeLabel('web', 'reconnecting')).toMatch(/Disconnected/);
  });

  it('counts connections in words', () => {
    expect(connectionCountLabel(1)).toBe('1 connection');
    expect(connectionCountLabel(3)).toBe('3 connections');
  });

  it('shortens long data folders in the middle, keeping the end', () => {
    const p = '/home/someone/.config/querygenie/profiles/default/data';
    const s = shortenPath(p, 30);
    expect(s).toHaveLength(30);
    expect(s.endsWith('default/data')).toBe(true);
    expect(shortenPath('/tmp/x')).toBe('/tmp/x');
  });
});
