// The session server's self-signed certificate. Participants' clients check its SHA-256
// fingerprint, which travels in the join link, instead of trusting a certificate authority.
import crypto from 'node:crypto';
import os from 'node:os';
import selfsigned from 'selfsigned';

export interface SessionCert {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as colon-separated hex (what browsers show). */
  fingerprint: string;
}

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

/** Normalises a fingerprint written with or without colons, in any case. */
export function sameFingerprint(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return n(a).length === 64 && n(a) === n(b);
}

export async function makeCert(bind: string): Promise<SessionCert> {
  const ips = new Set(['127.0.0.1', '::1']);
  if (bind !== '0.0.0.0' && bind !== '::') ips.add(bind);
  else for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) ips.add(i.address);
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    { type: 2 as const, value: os.hostname() },
    ...[...ips].filter((ip) => !/[^0-9a-f.:]/i.test(ip)).map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await selfsigned.generate([{ name: 'commonName', value: `Crosslink review session (${os.hostname()})` }], {
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert) };
}

/** The address participants reach: the bound one, or the first LAN address when bound to all. */
export function publicAddress(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::') return bind;
  for (const list of Object.values(os.networkInterfaces())) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  }
  return '127.0.0.1';
}
