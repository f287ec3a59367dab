/**
 * The value codec: turns values JSON cannot carry (bigint, Decimal, Uint8Array, Date, undefined
 * inside arrays) into tagged JSON-safe objects and back. Used by both transports (Electron IPC
 * and the web-mode WebSocket) so both behave the same.
 *
 * A tagged value is `{"$qg": tag, "v": payload}`. A plain object that itself has a `$qg` key is
 * escaped as `{"$qg": "obj", "v": {...}}`, so no user data can forge a tag.
 */
import { Decimal } from './values';

const TAG = '$qg';

/** A JSON-safe value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Encodes a value tree into JSON-safe data. */
export function encodeValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      return { [TAG]: 'num', v: String(value) };
    case 'bigint':
      return { [TAG]: 'big', v: value.toString() };
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Decimal) return { [TAG]: 'dec', v: value.text };
  if (value instanceof Uint8Array) return { [TAG]: 'bin', v: bytesToBase64(value) };
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) out[k] = encodeValue(v);
  }
  return Object.prototype.hasOwnProperty.call(out, TAG) ? { [TAG]: 'obj', v: out } : out;
}

/** Decodes data produced by `encodeValue` back into values. */
export function decodeValue(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map(decodeValue);
  const obj = data as Record<string, unknown>;
  const tag = obj[TAG];
  if (typeof tag === 'string') {
    const v = obj.v;
    switch (tag) {
      case 'big':
        return BigInt(String(v));
      case 'dec':
        return new Decimal(String(v));
      case 'bin':
        return base64ToBytes(String(v));
      case 'date':
        return new Date(String(v));
      case 'num':
        return Number(v);
      case 'obj':
        return decodePlain(v as Record<string, unknown>);
      default:
        break;
    }
  }
  return decodePlain(obj);
}

function decodePlain(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = decodeValue(v);
  return out;
}

/** Serialises a value tree to a JSON string through the codec. */
export function stringify(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

/** Parses a JSON string produced by `stringify`. */
export function parse(text: string): unknown {
  return decodeValue(JSON.parse(text));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Node's Buffer (this module runs in the renderer too). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Inverse of `bytesToBase64`. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const idx = B64.indexOf(clean[i]!);
    if (idx < 0) throw new Error('Invalid base64');
    buffer = (buffer << 6) | idx;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
