import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript and CSS a first visit downloads: what index.html loads (scripts, module
 * preloads, stylesheets), gzipped. Lazy route chunks are not counted. Fails above the budget.
 */
export const BUDGET_BYTES = 300 * 1024;

export function firstLoadAssets(indexHtml: string): string[] {
  const urls = [...indexHtml.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(urls)];
}

export function firstLoadBytes(distDir: string): { files: Array<{ file: string; gzip: number }>; total: number } {
  const files = firstLoadAssets(readFileSync(join(distDir, 'index.html'), 'utf8')).map((url) => ({
    file: url,
    gzip: gzipSync(readFileSync(join(distDir, url.replace(/^\//, '')))).length,
  }));
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

if (require.main === module) {
  const { files, total } = firstLoadBytes(join(__dirname, '..', 'dist'));
  for (const f of files) console.log(`  ${f.file}  ${(f.gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`First page load: ${(total / 1024).toFixed(1)} KB of JavaScript and CSS, gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
  if (total > BUDGET_BYTES) {
    console.error('Over budget: split a route or drop a dependency.');
    process.exit(1);
  }
}
