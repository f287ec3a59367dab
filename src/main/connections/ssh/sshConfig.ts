/** Resolves an SSH host alias through ~/.ssh/config (HostName, User, Port, IdentityFile, ProxyJump). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SSHConfig from 'ssh-config';

/** A fully resolved SSH hop. */
export interface ResolvedHost {
  host: string;
  port: number;
  user: string;
  identityFiles: string[];
  /** The jump host spec (`user@host:port` or an alias), if any. */
  proxyJump?: string;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}

/** Resolves `alias` (or a plain host) with the config file's directives; explicit values win. */
export function resolveSshHost(alias: string, explicit: { port?: number; user?: string } = {}, configFile = path.join(os.homedir(), '.ssh', 'config')): ResolvedHost {
  let computed: Record<string, string | string[]> = {};
  if (fs.existsSync(configFile)) {
    computed = SSHConfig.parse(fs.readFileSync(configFile, 'utf8')).compute(alias);
  }
  const identity = computed.IdentityFile;
  const proxyJump = first(computed.ProxyJump);
  return {
    host: first(computed.HostName) ?? alias,
    port: explicit.port ?? Number(first(computed.Port) ?? 22),
    user: explicit.user ?? first(computed.User) ?? os.userInfo().username,
    identityFiles: (Array.isArray(identity) ? identity : identity ? [identity] : []).map(expandHome),
    ...(proxyJump && proxyJump !== 'none' ? { proxyJump } : {}),
  };
}

/** Parses a ProxyJump spec `[user@]host[:port]` (first hop only). */
export function parseJumpSpec(spec: string): { host: string; user?: string; port?: number } {
  const hop = spec.split(',')[0]!.trim();
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hop);
  if (!m) return { host: hop };
  return { host: m[2]!.replace(/^\[|\]$/g, ''), ...(m[1] ? { user: m[1] } : {}), ...(m[3] ? { port: Number(m[3]) } : {}) };
}
