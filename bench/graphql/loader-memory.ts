import { readFileSync } from 'node:fs';

/**
 * Resident memory (MB) of this process's mappings of the TypeScript loader the benchmark children
 * run under (swc's native code: bench/graphql/swc-register.js), which a built server does not load.
 * Read from /proc/self/smaps; 0 where that file does not exist (not Linux).
 */
export function loaderResidentMegabytes(): number {
  let smaps: string;
  try {
    smaps = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return 0;
  }
  return residentMegabytes(smaps, /swc/);
}

/** The summed `Rss:` (MB) of the mappings in an smaps text whose path matches `path`. */
export function residentMegabytes(smaps: string, path: RegExp): number {
  let kilobytes = 0;
  let matching = false;
  for (const line of smaps.split('\n')) {
    // A mapping's header: "<start>-<end> <perms> <offset> <dev> <inode>   <path>".
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      matching = path.test(header[1] ?? '');
      continue;
    }
    const rss = matching ? /^Rss:\s+(\d+) kB/.exec(line) : null;
    if (rss) kilobytes += Number(rss[1]);
  }
  return kilobytes / 1024;
}
