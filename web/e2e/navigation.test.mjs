// What each demo role sees: exact navigation, the 403 and 404 pages, and the pages
// each role may open. Expected navigation is written by hand from docs/api/identity.md,
// docs/api/organization.md and the permission tables: organization.read -> Organisasi and
// Kekosongan Jabatan; Kehadiran for whoever has something to see there: the discipline
// list (attendance.read beyond the own records: admin, auditor, agency head), the own
// records (attendance.read and a NIP on the account; of the demo accounts only kadis.dinkes
// and staf.dinkes have one) or the rates (attendance.rates.read); organization.manage ->
// Impor Data, users.manage -> Pengguna, api_tokens.manage -> Token API, audit.read ->
// Jejak Audit, agency_users.read with an agency role -> Pengguna OPD; planning.read (every
// signed-in role, docs/api/planning.md) -> Perencanaan, after Kehadiran; report_check.use
// (every signed-in role, docs/api/performance.md) -> Periksa Laporan, after Perencanaan.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems,
  login,
  navLabels,
  openPage,
  screenshot,
  useServerAndBrowser,
} from './lib/harness.mjs';

const ORGANIZATION = ['Organisasi', 'Kekosongan Jabatan'];
const ATTENDANCE = 'Kehadiran';
const PLANNING = 'Perencanaan';
const PERFORMANCE = 'Kinerja';
const REPORT_CHECK = 'Periksa Laporan';

const EXPECTED_NAVIGATION = {
  admin: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK, 'Impor Data', 'Pengguna', 'Token API', 'Jejak Audit'],
  gubernur: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK],
  wagub: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK],
  sekda: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK],
  asisten1: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK],
  bapperida: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK],
  bpkad: ['Beranda', ...ORGANIZATION, PLANNING, PERFORMANCE, REPORT_CHECK],
  inspektorat: ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK, 'Jejak Audit'],
  'kadis.dinkes': ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK, 'Pengguna OPD'],
  'staf.dinkes': ['Beranda', ...ORGANIZATION, ATTENDANCE, PLANNING, PERFORMANCE, REPORT_CHECK, 'Pengguna OPD'],
  'staf.disdikbud': ['Beranda', ...ORGANIZATION, PLANNING, PERFORMANCE, REPORT_CHECK, 'Pengguna OPD'],
  dprd: ['Beranda', ...ORGANIZATION, PLANNING, PERFORMANCE, REPORT_CHECK],
};

const suite = useServerAndBrowser();

describe('navigation per role', () => {
  for (const [username, expected] of Object.entries(EXPECTED_NAVIGATION)) {
    test(`${username} sees exactly: ${expected.join(', ')}`, async () => {
      const { context, page, problems } = await openPage(suite.browser, suite.server);
      try {
        await login(page, username);
        assert.equal(new URL(page.url()).pathname, '/');
        assert.deepEqual(await navLabels(page), expected);
        // Header: the app name and the region from the session.
        await page.getByTestId('region').filter({ hasText: /\S/ }).waitFor();
        assert.match(await page.getByTestId('region').innerText(), /Kalimantan Timur/);
        // Beranda shows the profile and a quick link per section (besides Beranda).
        const profile = page.getByTestId('profile');
        await profile.waitFor();
        assert.match(await profile.innerText(), new RegExp(username.replace('.', '\\.')));
        const quickLinks = await page.getByTestId('quick-links').getByRole('link').allInnerTexts();
        for (const label of expected.slice(1)) {
          assert.ok(quickLinks.some((text) => text.startsWith(label)), `quick link ${label} in ${quickLinks}`);
        }
        if (['admin', 'inspektorat', 'kadis.dinkes', 'gubernur'].includes(username)) {
          await screenshot(page, `beranda-${username}`);
        }
        assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }
});

describe('access control pages', () => {
  test('agency staff opening /admin/pengguna sees the 403 page, not a redirect', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      await page.goto('/admin/pengguna');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/admin/pengguna');
      assert.equal(await page.getByTestId('users-table').count(), 0);
      await screenshot(page, 'akses-ditolak');
      await page.goto('/audit');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('agency staff sees the users of the own agency, and 403 for another agency', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna OPD' }).click();
      await page.waitForURL('**/opd/Dinkes/pengguna');
      const table = page.getByTestId('agency-users-table');
      await table.waitFor();
      const text = await table.innerText();
      assert.match(text, /kadis\.dinkes/);
      assert.match(text, /staf\.dinkes/);
      assert.doesNotMatch(text, /staf\.disdikbud/);
      await screenshot(page, 'pengguna-opd');
      await page.goto('/opd/Disdikbud/pengguna');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('an unknown path shows the 404 page', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'gubernur');
      await page.goto('/tidak/ada/halaman-ini');
      await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
      await screenshot(page, 'tidak-ditemukan');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the auditor reads the audit trail', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'inspektorat');
      await page.getByRole('link', { name: 'Jejak Audit' }).first().click();
      await page.waitForURL('**/audit');
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      // Signing in is itself audited, so the trail is never empty here.
      const rows = await table.locator('tbody tr').count();
      assert.ok(rows >= 1);
      await page.getByLabel('Jenis entitas').fill('user');
      await page.getByLabel('Jenis entitas').press('Enter');
      await page.waitForURL('**/audit?entitas=user');
      await table.waitFor();
      await screenshot(page, 'jejak-audit');
      // The auditor may not manage users.
      await page.goto('/admin/pengguna');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('keyboard: skip link first, focus moves to the new page heading, menus close with Escape', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.reload(); // a fresh page: Tab starts from the top of the document
      await page.getByTestId('profile').waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Lewati ke konten utama');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

      // Navigate with the keyboard only: focus the "Jejak Audit" link and press Enter.
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Jejak Audit' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/audit');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Jejak Audit');
      assert.equal(await page.title(), 'Jejak Audit · Sinergi');

      // The user menu opens with Enter, focuses its first item, closes with Escape.
      await page.getByTestId('user-menu').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('#menu-pengguna') !== null);
      await page.keyboard.press('Escape');
      assert.equal(await page.getByTestId('user-menu').getAttribute('aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'user-menu');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('a 5xx answer shows the error banner with the request id', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'inspektorat');
      // The one faked answer of the suite: the real server has no way to fail on demand.
      await page.route('**/api/v1/audit?**', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'urn:sinergi:problem:database_unavailable',
            title: 'Basis data tidak tersedia',
            status: 503,
            request_id: 'uji-permintaan-503',
          }),
        }),
      );
      await page.goto('/audit');
      const banner = page.getByTestId('server-error');
      await banner.waitFor();
      const text = await banner.innerText();
      assert.match(text, /Terjadi kesalahan pada server/);
      assert.match(text, /uji-permintaan-503/);
      await screenshot(page, 'galat-server');
      await banner.getByRole('button', { name: 'Tutup' }).click();
      assert.equal(await banner.count(), 0);
      const unexpected = problems.filter((problem) => !/status of 503/.test(problem));
      assertNoProblems(unexpected);
    } finally {
      await context.close();
    }
  });

  test('the page is usable at 360 px width', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server, { viewport: { width: 360, height: 740 } });
    try {
      await login(page, 'admin');
      assert.deepEqual(await navLabels(page), EXPECTED_NAVIGATION.admin);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
      await screenshot(page, 'beranda-360');
      await page.goto('/admin/pengguna');
      await page.getByTestId('users-table').waitFor();
      await screenshot(page, 'pengguna-360');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
