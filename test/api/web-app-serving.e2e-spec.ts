import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from '../support/test-app';

// A stand-in build: what matters here is how the API serves whatever `vite build` wrote.
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kom-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nb"><title>KOM</title><div id="root"></div></html>');
  writeFileSync(join(dir, 'assets', 'index-a1b2c3.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the web app served by the API', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = fakeBuild();
    t = await TestApp.start({ env: { KOM_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves index.html at / and revalidates it on every load', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('caches hashed assets for a year as immutable', async () => {
    const response = await get('/assets/index-a1b2c3.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log("app")');
  });

  it('revalidates files without a content hash', async () => {
    const response = await get('/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/ngo/issues', '/ngo/issues/3f2a', '/sign-in?returnTo=%2Fngo%2Fissues', '/graphqlish'])('answers the client route %s with index.html', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it.each(['/graphql/x', '/health/nothing', '/auth/unknown', '/auth', '/.well-known/other', '/api/v1/things'])(
    'never answers the API path %s with the page',
    async (url) => {
      const response = await get(url, { accept: 'text/html' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('<div id="root">');
    },
  );

  it('answers a missing asset with 404, not the page', async () => {
    const response = await get('/assets/gone-123.js');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<div id="root">');
  });

  it('leaves the API routes to the API', async () => {
    expect((await get('/health')).statusCode).toBe(200);
    expect((await get('/.well-known/kom-audit-key')).headers['content-type']).toMatch(/json/);
    const graphql = await t.gql('{ __typename }');
    expect(graphql.data).toEqual({ __typename: 'Query' });
  });
});

describe('the API without a built web app', () => {
  it('starts and answers the API, serving no page', async () => {
    const t = await TestApp.start({ env: { KOM_WEB_DIR: join(tmpdir(), 'kom-no-web-app-here') } });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
