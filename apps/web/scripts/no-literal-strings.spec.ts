import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { WEB_ROOT } from './paths';

/**
 * Every word a user reads comes from the catalogues (src/i18n/nb.ts, en.ts), so nothing is left
 * untranslated: no text between JSX tags and no string literal in a prop a user reads or hears.
 */
const READ_PROPS = new Set(['label', 'title', 'aria-label', 'placeholder', 'description', 'alt', 'error', 'closeButton', 'confirmLabel', 'consequence']);

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? components(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  );
}

export function literalStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.getText())) found.push(node.getText().trim());
    if (ts.isJsxAttribute(node) && READ_PROPS.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : undefined;
      if (literal && /\p{L}/u.test(literal.text)) found.push(`${node.name.getText()}="${literal.text}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) && ts.isJsxElement(node.parent) && /\p{L}/u.test(node.expression.text)) {
      found.push(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  it('take every word from the message catalogues', () => {
    const offenders = components(join(WEB_ROOT, 'src')).flatMap((file) =>
      literalStrings(file, readFileSync(file, 'utf8')).map((literal) => `${relative(WEB_ROOT, file)}: ${literal}`),
    );
    expect(offenders).toEqual([]);
  });

  it('catch text between tags, a literal label and a literal in braces', () => {
    const sample = `const A = () => <div><p>Hei</p><Textfield label="Tittel" /><b>{'Lagre'}</b><i>{t('ok')}</i>{' — '}</div>;`;
    expect(literalStrings('sample.tsx', sample)).toEqual(['Hei', 'label="Tittel"', 'Lagre']);
  });
});
