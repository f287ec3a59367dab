/**
 * The connection-profiles export file. Without a passphrase it carries no secret at all; with
 * one, the secrets are sealed with AES-256-GCM under a key derived by scrypt from the
 * passphrase the user typed (random salt and IV per file; the GCM tag detects a wrong passphrase
 * or tampering).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { SecretKind } from '../secrets/secretStore';

const FORMAT = 'querygenie-connections';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** One exported profile (never a password inside `params`). */
export interface ExportedProfile {
  name: string;
  engine: 'sqlite' | 'postgres' | 'mysql' | 'mssql';
  params: Record<string, unknown>;
  color: string | null;
  environment: 'local' | 'dev' | 'staging' | 'prod' | null;
  readOnly: boolean;
}

/** Secrets per profile index, per kind. */
export type ExportedSecrets = Record<number, Partial<Record<SecretKind, string>>>;

const sealedSchema = z.object({ kdf: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string(), iv: z.string(), tag: z.string(), data: z.string() });
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  profiles: z.array(
    z.object({
      name: z.string().min(1),
      engine: z.enum(['sqlite', 'postgres', 'mysql', 'mssql']),
      params: z.record(z.string(), z.unknown()),
      color: z.string().nullable(),
      environment: z.enum(['local', 'dev', 'staging', 'prod']).nullable(),
      readOnly: z.boolean(),
    }),
  ),
  secrets: sealedSchema.optional(),
});

/** Serialises profiles; secrets are included only when a passphrase is given. */
export function writeProfileFile(profiles: ExportedProfile[], secrets?: { passphrase: string; values: ExportedSecrets }): string {
  for (const p of profiles) {
    if ('password' in p.params) throw new AppError('INTERNAL', 'A password reached the profile export; refusing to write it.');
  }
  const doc: z.infer<typeof fileSchema> = { format: FORMAT, version: 1, profiles };
  if (secrets) {
    if (secrets.passphrase.length < 8) throw new AppError('BAD_REQUEST', 'Choose a passphrase of at least 8 characters to encrypt the secrets.');
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = scryptSync(secrets.passphrase.normalize('NFC'), salt, 32, SCRYPT);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(secrets.values), 'utf8'), cipher.final()]);
    doc.secrets = { kdf: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parses a profile file; secrets are opened only with the right passphrase. */
export function readProfileFile(text: string, passphrase?: string): { profiles: ExportedProfile[]; secrets: ExportedSecrets; hadSecrets: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'This is not a QueryGenie connections file (it is not JSON).');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'This is not a QueryGenie connections file, or it is damaged.');
  const { profiles, secrets } = parsed.data;
  for (const p of profiles) delete (p.params as { password?: unknown }).password;
  if (!secrets || passphrase === undefined) return { profiles, secrets: {}, hadSecrets: secrets !== undefined };
  try {
    const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(secrets.salt, 'base64'), 32, { N: secrets.N, r: secrets.r, p: secrets.p, maxmem: SCRYPT.maxmem });
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(secrets.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(secrets.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(secrets.data, 'base64')), decipher.final()]).toString('utf8');
    return { profiles, secrets: JSON.parse(plain) as ExportedSecrets, hadSecrets: true };
  } catch {
    throw new AppError('AUTH_FAILED', 'Wrong passphrase (or the file was altered): the secrets could not be decrypted. Nothing was imported.');
  }
}
