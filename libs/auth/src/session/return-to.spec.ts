import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/issues/42', '/issues/42'],
    ['/meetings?body=PROJECT_GROUP#agenda', '/meetings?body=PROJECT_GROUP#agenda'],
    ['/', '/'],
    ['/%0a/still-here', '/%0a/still-here'], // stays encoded: no header injection
  ])('keeps the same-origin path %j', (given, expected) => expect(safeReturnTo(given)).toBe(expected));

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '',
    undefined,
    ['/a'],
  ])('sends %j to /', (given) => expect(safeReturnTo(given)).toBe('/'));
});
