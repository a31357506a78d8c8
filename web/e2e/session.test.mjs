// Language switch, signing out, return-to-page after sign-in, ended sessions, own
// sessions and the password form's server-side field errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems,
  login,
  logout,
  navLabels,
  openPage,
  openUserMenu,
  screenshot,
  useServerAndBrowser,
} from './lib/harness.mjs';

const suite = useServerAndBrowser();

describe('session and language', () => {
  test('switching the language changes labels, sets <html lang> and survives a reload', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      await openUserMenu(page);
      await page.getByRole('button', { name: 'Keluar' }).waitFor();

      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await openUserMenu(page); // clicking outside closed it
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.deepEqual(await navLabels(page), ['Home', 'Organisation', 'Vacant Posts', 'Attendance', 'Planning', 'Performance', 'Check report', 'Import Data', 'Users', 'API Tokens', 'Audit Trail']);

      const sessionRequest = page.waitForRequest((request) => request.url().endsWith('/api/v1/session'));
      await page.reload();
      assert.match((await sessionRequest).headers()['accept-language'] ?? '', /^en\b/);
      assert.deepEqual(await navLabels(page), ['Home', 'Organisation', 'Vacant Posts', 'Attendance', 'Planning', 'Performance', 'Check report', 'Import Data', 'Users', 'API Tokens', 'Audit Trail']);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      await openUserMenu(page);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await screenshot(page, 'beranda-en-menu');

      await page.getByRole('button', { name: 'ID', exact: true }).click();
      await openUserMenu(page);
      await page.getByRole('button', { name: 'Keluar' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('signing out returns to /masuk, and a protected page then asks to sign in first', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'gubernur');
      await logout(page);
      await page.getByText('Anda telah keluar.').waitFor();
      await page.goto('/akun/sesi');
      await page.waitForURL((url) => url.pathname === '/masuk');
      assert.equal(new URL(page.url()).searchParams.get('kembali'), '/akun/sesi');
      await screenshot(page, 'masuk');
      // After signing in, the app returns to the page that was asked for.
      await page.getByLabel('Nama pengguna').fill('gubernur');
      await page.getByLabel('Kata sandi').fill('Sinergi-Demo-2026');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL((url) => url.pathname === '/akun/sesi');
      await page.getByTestId('current-session').waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('wrong password shows the server message on the sign-in page', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await page.goto('/masuk');
      await page.getByLabel('Nama pengguna').fill('sekda');
      await page.getByLabel('Kata sandi').fill('salah-sekali');
      await page.getByLabel('Kata sandi').press('Enter');
      const error = page.getByTestId('error');
      await error.waitFor();
      assert.ok((await error.innerText()).trim().length > 0);
      assert.equal(new URL(page.url()).pathname, '/masuk');
      await screenshot(page, 'masuk-gagal');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('an ended session sends the user back to sign in with "Sesi Anda telah berakhir"', async () => {
    const first = await openPage(suite.browser, suite.server);
    const second = await openPage(suite.browser, suite.server);
    try {
      await login(first.page, 'bpkad');
      await login(second.page, 'bpkad');
      // In the first browser, list own sessions and end the other one.
      await first.page.goto('/akun/sesi');
      const table = first.page.getByTestId('sessions-table');
      await table.waitFor();
      assert.equal(await table.locator('tbody tr').count(), 2);
      assert.equal(await first.page.getByTestId('current-session').count(), 1);
      await screenshot(first.page, 'sesi-saya');
      const otherRow = table.locator('tbody tr').filter({ hasNot: first.page.getByTestId('current-session') });
      await otherRow.getByRole('button', { name: 'Akhiri' }).click();
      await otherRow.getByRole('button', { name: 'Akhiri' }).click(); // confirm
      await first.page.getByText('Sesi diakhiri.').waitFor();
      assert.equal(await table.locator('tbody tr').count(), 1);

      // The second browser's next API call answers 401.
      await second.page.getByRole('link', { name: 'Sesi Saya' }).first().click();
      await second.page.waitForURL((url) => url.pathname === '/masuk');
      await second.page.getByText('Sesi Anda telah berakhir').waitFor();
      assert.equal(new URL(second.page.url()).searchParams.get('kembali'), '/akun/sesi');

      // Losing the cookie has the same effect.
      await first.context.clearCookies();
      await first.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
      await first.page.getByRole('link', { name: 'Sesi Saya' }).first().click();
      await first.page.waitForURL((url) => url.pathname === '/masuk');
      await first.page.getByText('Sesi Anda telah berakhir').waitFor();
      assertNoProblems(first.problems);
      assertNoProblems(second.problems);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  test('the password form shows the server field errors', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'dprd');
      await openUserMenu(page);
      await page.locator('#menu-pengguna').getByRole('link', { name: 'Ganti Kata Sandi' }).click();
      await page.waitForURL('**/akun/kata-sandi');
      await page.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandi-ini');
      await page.getByLabel(/^Kata sandi baru/).fill('Rahasia-Baru-2026!');
      await page.getByLabel('Ulangi kata sandi baru').fill('Rahasia-Baru-2026!');
      await page.getByLabel('Ulangi kata sandi baru').press('Enter');
      const current = page.getByLabel('Kata sandi saat ini');
      await page.locator('#current_password-error').waitFor();
      assert.equal(await current.getAttribute('aria-invalid'), 'true');

      await page.getByLabel('Kata sandi saat ini').fill('Sinergi-Demo-2026');
      await page.getByLabel(/^Kata sandi baru/).fill('pendek');
      await page.getByLabel('Ulangi kata sandi baru').fill('pendek');
      await page.getByRole('button', { name: 'Ganti Kata Sandi' }).click();
      await page.locator('#new_password-error').waitFor();
      await screenshot(page, 'kata-sandi-galat');

      await page.getByLabel(/^Kata sandi baru/).fill('Rahasia-Baru-2026!');
      await page.getByLabel('Ulangi kata sandi baru').fill('Rahasia-Baru-2026?');
      await page.getByRole('button', { name: 'Ganti Kata Sandi' }).click();
      await page.getByText('Kedua kata sandi baru tidak sama.').waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
