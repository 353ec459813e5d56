import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The ways a key's bytes may be written down: raw, base64, base64url, hex. */
export function keyEncodings(key: Buffer): Array<[string, Buffer]> {
  return [
    ['raw', key],
    ['base64', Buffer.from(key.toString('base64'))],
    ['base64url', Buffer.from(key.toString('base64url'))],
    ['hex', Buffer.from(key.toString('hex'))],
    ['HEX', Buffer.from(key.toString('hex').toUpperCase())],
  ];
}

/** Every file under `dir` (recursively) that holds the key in any of those encodings, as "file: encoding". */
export function keyTraces(dir: string, key: Buffer): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((name) => visit(join(path, name)));
    const bytes = readFileSync(path);
    for (const [encoding, needle] of keyEncodings(key)) if (bytes.includes(needle)) found.push(`${path.slice(dir.length + 1)}: ${encoding}`);
  };
  visit(dir);
  return found;
}
