// Sign-in throttling: after repeated wrong passwords the server answers 429 with
// Retry-After, the page says how many seconds to wait, and even the right password is
// refused while throttled. Own server and database: the throttle (per username and per
// client address, in server memory) must not leak into other test files.
//
// The server's throttle (platform/auth/login_throttle.h): 5 free failures, then each
// further attempt waits 1 s, 2 s, 4 s, ... after the last failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertNoProblems,
  openPage,
  screenshot,
  useServerAndBrowser,
} from './lib/harness.mjs';

const suite = useServerAndBrowser();

async function attempt(page, password) {
  const answer = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/session') && response.request().method() === 'POST',
  );
  await page.getByLabel('Nama pengguna').fill('bapperida');
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
  const response = await answer;
  await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'));
  return response;
}

async function throttledSeconds(page) {
  const throttled = page.getByTestId('throttled');
  await throttled.waitFor();
  const text = await throttled.innerText();
  const match = /coba lagi dalam (\d+) detik/i.exec(text);
  assert.ok(match, `message: ${text}`);
  return Number(match[1]);
}

test('six wrong passwords throttle sign-in; the message counts seconds; the right password is refused too', async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  try {
    await page.goto('/masuk');
    for (let i = 1; i <= 5; i += 1) {
      const response = await attempt(page, `salah-${i}`);
      assert.equal(response.status(), 401, `attempt ${i}`);
      await page.getByTestId('error').waitFor();
      assert.equal(await page.getByTestId('throttled').count(), 0);
    }
    // The sixth comes within a second of the fifth failure: refused without checking.
    const sixth = await attempt(page, 'salah-6');
    assert.equal(sixth.status(), 429);
    const retryAfter = Number(sixth.headers()['retry-after']);
    assert.ok(retryAfter >= 1, `Retry-After ${retryAfter}`);
    assert.ok((await throttledSeconds(page)) >= 1);
    assert.equal(await page.getByTestId('error').count(), 0);
    await screenshot(page, 'masuk-dibatasi');

    // Let the wait grow (each failure after the free ones doubles it) until it is long
    // enough to try the right password inside it without racing the clock.
    let wait = retryAfter;
    for (let round = 0; wait < 4 && round < 6; round += 1) {
      await sleep(wait * 1000 + 300);
      const failed = await attempt(page, `salah-lagi-${round}`);
      assert.equal(failed.status(), 401);
      const refused = await attempt(page, `salah-lagi-${round}-b`);
      assert.equal(refused.status(), 429);
      wait = Number(refused.headers()['retry-after']);
    }
    assert.ok(wait >= 4, `Retry-After ${wait}`);

    const right = await attempt(page, 'Sinergi-Demo-2026');
    assert.equal(right.status(), 429);
    assert.ok((await throttledSeconds(page)) >= 1);
    assert.equal(new URL(page.url()).pathname, '/masuk');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
