// The administrator's pages: create a user in the UI (who must then change the
// password at first sign-in), edit with optimistic locking, history, CSV export of all
// pages, and API tokens whose secret is shown once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  assertNoProblems,
  login,
  navLabels,
  openPage,
  screenshot,
  useServerAndBrowser,
} from './lib/harness.mjs';

const suite = useServerAndBrowser();

const NEW_USER = {
  username: 'uji.dinkes',
  displayName: 'Petugas Uji Dinkes',
  nip: '199001012015011002',
  email: 'uji.dinkes@kaltimprov.go.id',
  initialPassword: 'Awal-Sementara-2026',
  newPassword: 'Kinerja-Baru-Dinkes-77',
};

describe('administration', () => {
  test('admin creates a user; the user signs in and must change the password first', async () => {
    const admin = await openPage(suite.browser, suite.server);
    const fresh = await openPage(suite.browser, suite.server);
    try {
      const { page } = admin;
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna' }).click();
      await page.getByTestId('users-table').waitFor();
      await screenshot(page, 'pengguna');
      await page.getByRole('link', { name: 'Tambah Pengguna' }).click();
      await page.waitForURL('**/admin/pengguna/baru');

      await page.getByLabel('Nama pengguna').fill(NEW_USER.username);
      await page.getByLabel('Nama lengkap').fill(NEW_USER.displayName);
      await page.getByLabel('NIP').fill(NEW_USER.nip);
      await page.getByLabel('Email').fill(NEW_USER.email);
      await page.getByLabel('Kata sandi awal').fill(NEW_USER.initialPassword);
      await page.locator('#peran-role-0').selectOption('agency_staff');
      await page.locator('#peran-agency-0').selectOption('Dinkes');
      await screenshot(page, 'pengguna-baru');
      await page.getByRole('button', { name: 'Simpan Pengguna' }).click();

      await page.waitForURL(/\/admin\/pengguna\/\d+$/);
      await page.getByText('Pengguna berhasil dibuat.').waitFor();
      await page.getByRole('heading', { level: 1, name: NEW_USER.displayName }).waitFor();
      await page.getByText('Wajib ganti kata sandi').first().waitFor();
      const history = page.getByTestId('history');
      await history.getByTestId('audit-table').waitFor();
      await history.locator('tbody tr td.mono').first().waitFor();
      await screenshot(page, 'pengguna-detail');

      // The new user signs in with the initial password and is sent to change it.
      await fresh.page.goto('/masuk');
      await fresh.page.getByLabel('Nama pengguna').fill(NEW_USER.username);
      await fresh.page.getByLabel('Kata sandi').fill(NEW_USER.initialPassword);
      await fresh.page.getByLabel('Kata sandi').press('Enter');
      await fresh.page.waitForURL('**/akun/kata-sandi');
      await fresh.page.getByTestId('forced-password').waitFor();
      assert.deepEqual(await navLabels(fresh.page), ['Beranda']);
      await screenshot(fresh.page, 'kata-sandi-wajib');
      // Any other page leads back to the password form until it is changed.
      await fresh.page.goto('/opd/Dinkes/pengguna');
      await fresh.page.waitForURL('**/akun/kata-sandi');

      await fresh.page.getByLabel('Kata sandi saat ini').fill(NEW_USER.initialPassword);
      await fresh.page.getByLabel(/^Kata sandi baru/).fill(NEW_USER.newPassword);
      await fresh.page.getByLabel('Ulangi kata sandi baru').fill(NEW_USER.newPassword);
      await fresh.page.getByRole('button', { name: 'Ganti Kata Sandi' }).click();
      await fresh.page.waitForURL((url) => url.pathname === '/');
      assert.deepEqual(await navLabels(fresh.page), ['Beranda', 'Organisasi', 'Kekosongan Jabatan', 'Kehadiran', 'Perencanaan', 'Kinerja', 'Periksa Laporan', 'Pengguna OPD']);
      assert.match(await fresh.page.getByTestId('profile').innerText(), new RegExp(NEW_USER.nip));
      assertNoProblems(admin.problems);
      assertNoProblems(fresh.problems);
    } finally {
      await admin.context.close();
      await fresh.context.close();
    }
  });

  test('a stale edit gets 409: the page says someone else changed it and reloads', async () => {
    const one = await openPage(suite.browser, suite.server);
    const two = await openPage(suite.browser, suite.server);
    try {
      await login(one.page, 'admin');
      await login(two.page, 'admin');
      for (const { page } of [one, two]) {
        await page.goto(`/admin/pengguna?cari=${NEW_USER.username}`);
        await page.getByRole('link', { name: /Petugas Uji Dinkes/ }).click();
        await page.waitForURL(/\/admin\/pengguna\/\d+$/);
        await page.getByLabel('Nama lengkap').waitFor();
      }
      await two.page.getByLabel('Nama lengkap').fill('Petugas Uji Dinkes (diubah)');
      await two.page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await two.page.getByText('Perubahan disimpan.').waitFor();

      await one.page.getByLabel('Email').fill('lain@kaltimprov.go.id');
      await one.page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await one.page.getByText('baru saja diubah oleh orang lain').waitFor();
      await one.page.getByRole('heading', { level: 1, name: 'Petugas Uji Dinkes (diubah)' }).waitFor();
      assert.equal(await one.page.getByLabel('Email').inputValue(), NEW_USER.email);

      // Deactivate and activate again, with the inline confirmation.
      await one.page.getByRole('button', { name: 'Nonaktifkan' }).click();
      await one.page.getByRole('group').getByRole('button', { name: 'Nonaktifkan' }).click();
      await one.page.getByText('Pengguna dinonaktifkan.').waitFor();
      assert.equal((await one.page.getByTestId('user-status').innerText()).trim(), 'Nonaktif');
      await one.page.getByRole('button', { name: 'Aktifkan' }).click();
      await one.page.getByRole('group').getByRole('button', { name: 'Aktifkan' }).click();
      await one.page.getByText('Pengguna diaktifkan.').waitFor();
      assertNoProblems(one.problems);
      assertNoProblems(two.problems);
    } finally {
      await one.context.close();
      await two.context.close();
    }
  });

  test('the user list filters, pages and exports every user as CSV', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.goto('/admin/pengguna');
      await page.getByTestId('users-table').waitFor();
      const total = await page.evaluate(async () => {
        const response = await fetch('/api/v1/users?page=1&page_size=1', { credentials: 'same-origin' });
        return (await response.json()).total;
      });
      assert.ok(total >= 13, `total ${total}`);

      await page.getByLabel('Status').selectOption('aktif');
      await page.getByLabel('Peran', { exact: true }).selectOption('agency_staff');
      await page.getByRole('button', { name: 'Cari' }).click();
      await page.waitForURL(/peran=agency_staff/);
      const rows = page.getByTestId('users-table').locator('tbody tr');
      await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));
      const texts = await rows.allInnerTexts();
      assert.ok(texts.length >= 3, texts.join('\n'));
      assert.ok(texts.every((text) => /Staf OPD/.test(text)), texts.join('\n'));

      await page.getByRole('button', { name: 'Atur ulang' }).click();
      await page.waitForURL((url) => url.search === '');
      await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Ekspor CSV' }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^pengguna-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = await readFile(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      assert.equal(lines[0], '"id","username","display_name","nip","email","active","must_change_password","roles","region","created_at","updated_at"');
      assert.equal(lines.length, total + 1);
      assert.ok(lines.some((line) => line.includes('"kadis.dinkes"')));
      assert.ok(lines.some((line) => line.includes('"agency_head:Dinkes"')));
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('API tokens: the secret is shown once, then the token can be revoked', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Token API' }).click();
      await page.getByTestId('tokens-table').waitFor();
      await page.getByLabel('Nama token').fill('Integrasi SIPD');
      await page.locator('#token-peran-role-0').selectOption('planner');
      await page.getByRole('button', { name: 'Buat Token' }).click();
      const secretBox = page.getByTestId('token-secret');
      await secretBox.waitFor();
      const secret = await page.locator('#token-secret').inputValue();
      assert.match(secret, /^snrg_/);
      await page.getByRole('button', { name: 'Salin' }).click();
      await page.getByText('Rahasia tersalin ke papan klip.').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
      await screenshot(page, 'token-api-rahasia');
      await page.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
      assert.equal(await secretBox.count(), 0);
      assert.equal(await page.getByText(secret).count(), 0);

      const row = page.getByTestId('tokens-table').locator('tbody tr').filter({ hasText: 'Integrasi SIPD' });
      await row.getByRole('button', { name: 'Cabut' }).click();
      await row.getByRole('button', { name: 'Cabut' }).click(); // confirm
      await page.getByText('Token Integrasi SIPD dicabut.').waitFor();
      await row.getByText(/^Dicabut/).waitFor();
      await screenshot(page, 'token-api');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
