// The join link's fragment: `#code=K7PQ2M&fp=AB12…` (the fragment never reaches a server).
export interface JoinHash {
  code: string;
  /** The certificate's SHA-256 fingerprint as 64 hex digits, or '' when the link has none. */
  fingerprint: string;
}

export function parseJoinHash(hash: string): JoinHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = (params.get('code') ?? '').trim().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12);
  const fp = (params.get('fp') ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase();
  return { code, fingerprint: fp.length === 64 ? fp : '' };
}

/** "AB12CD…" -> "AB:12:CD:…", as browsers show a certificate's SHA-256 fingerprint. */
export function formatFingerprint(hex: string): string {
  return (hex.replace(/[^0-9a-f]/gi, '').toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}
