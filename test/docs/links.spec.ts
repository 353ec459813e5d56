import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Every relative link in the README and in docs/ points at a file that exists and, when it names
 * a heading (`#anchor`), at a heading that exists in that file. A newcomer never meets a dead link.
 */
const ROOT = resolve(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

function withoutCode(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const anchors = new Set<string>();
  for (const match of text.matchAll(/^#{1,6} (.+)$/gm)) anchors.add(anchorOf(match[1]!));
  for (const match of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

export function deadLinks(files: readonly string[]): string[] {
  const dead: string[] = [];
  for (const file of files) {
    const text = withoutCode(readFileSync(file, 'utf8'));
    for (const match of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const destination = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
      const where = `${relative(ROOT, file)} → ${target}`;
      if (!existsSync(destination)) {
        dead.push(`${where} (no such file)`);
        continue;
      }
      if (anchor && destination.endsWith('.md') && !anchorsOf(destination).has(anchor)) {
        dead.push(`${where} (no such heading)`);
      }
    }
  }
  return dead;
}

describe('documentation links', () => {
  const files = [join(ROOT, 'README.md'), join(ROOT, 'deploy', 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

  it('finds every relative link and heading they point at', () => {
    expect(deadLinks(files)).toEqual([]);
  });

  it('catches a link to a missing file and to a missing heading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kom-links-'));
    writeFileSync(join(dir, 'a.md'), '# Title\n\n## A `coded` heading, with commas\n');
    writeFileSync(
      join(dir, 'b.md'),
      '[ok](a.md) [ok](a.md#a-coded-heading-with-commas) [web](https://example.org/x) ' +
        '[gone](missing.md) [bad](a.md#no-such-heading)\n```\n[in code](ignored.md)\n```\n',
    );
    const found = deadLinks([join(dir, 'b.md')]).map((line) => line.replace(/^.*→ /, ''));
    expect(found).toEqual(['missing.md (no such file)', 'a.md#no-such-heading (no such heading)']);
  });

  it('keeps the README a newcomer can read: at most 12 KB', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(12 * 1024);
  });
});
