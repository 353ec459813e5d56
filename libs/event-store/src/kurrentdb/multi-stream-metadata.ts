/**
 * KurrentDB's multi-stream append (server 25.1+, client 1.3) stores only string-valued metadata
 * properties, while the port's metadata is any JSON object (the actor, the hash chain, ...). The
 * whole object therefore travels JSON-encoded under one property and is decoded on every read,
 * so readers and the hash chain see exactly what a single-stream append would have stored.
 */
export const ENCODED_METADATA_KEY = 'kom.metadata';

export function encodeMetadata(metadata: Readonly<Record<string, unknown>>): Record<string, string> {
  return { [ENCODED_METADATA_KEY]: JSON.stringify(metadata) };
}

/** The original metadata when it was written encoded; otherwise the metadata unchanged. */
export function decodeMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const encoded = metadata[ENCODED_METADATA_KEY];
  if (typeof encoded !== 'string') return metadata;
  try {
    const decoded = JSON.parse(encoded) as unknown;
    return decoded !== null && typeof decoded === 'object' && !Array.isArray(decoded) ? (decoded as Record<string, unknown>) : metadata;
  } catch {
    return metadata;
  }
}
