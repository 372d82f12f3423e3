import type { DesiredState } from '../model/desired.js';
import type { LiveResource } from '../model/live.js';
import { hashOf, sha256 } from './canonical.js';

/** Fingerprint keys for per-IP caps: `cap:<package id>/<EIP id>`. */
export const CAP_PREFIX = 'cap:';

/**
 * What a saved plan remembers of each live object it read: the parts a plan depends on
 * (id, status, bandwidth, members with their status, tags). Per-IP caps are read only for
 * some EIPs, so they are recorded apart (capFingerprints) and compared only where read again.
 */
export function fingerprintOf(live: LiveResource): string {
  // Keys in sorted order and undefined left out: the same text canonicalJson would give,
  // built directly because a plan fingerprints every package it read (10,000s).
  const tags: Record<string, string> = {};
  for (const k of Object.keys(live.tags).sort()) tags[k] = live.tags[k] ?? '';
  const text = JSON.stringify({
    bandwidth: live.bandwidth,
    id: live.id,
    members: live.members.map((m) => ({ id: m.id, status: m.status })),
    status: live.status,
    tags,
  });
  return `sha256:${sha256(text)}`;
}

export function capValue(cap: number | null): string {
  return cap === null ? 'none' : String(cap);
}

/** One entry per live object, plus one per per-IP cap that was read. */
export function fingerprintsOf(live: LiveResource[]): Record<string, string> {
  // A Map keeps the order and last-write-wins of object properties without growing a
  // 10,000-key dictionary object twice; keys an object would reorder or refuse take that path.
  const out = new Map<string, string>();
  for (const r of [...live].sort((a, b) => a.id.localeCompare(b.id))) {
    out.set(r.id, fingerprintOf(r));
    for (const m of r.members)
      if (m.bandwidth !== undefined) out.set(`${CAP_PREFIX}${r.id}/${m.id}`, capValue(m.bandwidth));
  }
  const entries = [...out];
  if (entries.some(([k]) => k === '__proto__' || INDEX_KEY.test(k))) return viaObject(entries);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** A key that objects list before all others. */
const INDEX_KEY = /^(0|[1-9][0-9]*)$/;

function viaObject(entries: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) out[k] = v;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Source positions are not part of the desired state's meaning. */
const POSITIONS = new Set(['loc', 'fieldLocs']);

/** The desired state without source positions: moving a declaration between files is no change. */
export function desiredHashOf(desired: DesiredState): string {
  return hashOf({ version: desired.version, stack: desired.stack, resources: desired.resources }, POSITIONS);
}
