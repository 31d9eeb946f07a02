// One sha-256 for the core: content versions, the desks' manifest, enrolment codes' fingerprints.
import { createHash } from 'node:crypto';

/** sha-256 of bytes or text, hex. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
