import { MUSLIM_LANE, sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('the server serves the built dashboard', () => {
  it('answers / and any app route with index.html, never cached', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    for (const route of ['/', '/residents', `/communities/${muslimLane}/show`]) {
      const response = await fetch(`${api.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toMatch(/<div id="root"><\/div>/);
    }
  });

  it('serves hashed assets with a year-long immutable cache, and 404 for unknown ones', async () => {
    const html = await (await fetch(`${api.url}/`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const asset = await fetch(`${api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Read to the end: a body left unread keeps its connection open after the server has stopped.
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const missing = await fetch(`${api.url}/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });

  it('leaves the API and health endpoints alone', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.headers.get('content-type')).toMatch(/json/);
    await health.json();
    const result = await api.gql<{ districts: { totalItems: number } }>('{ districts { totalItems } }');
    expect(result.data!.districts.totalItems).toBe(1);
  });
});
