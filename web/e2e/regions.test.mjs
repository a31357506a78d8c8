// The regions page of the organisation registry: the province and the regencies and
// cities below it, searched in the browser, and for the personnel office a form that adds
// a regency or city and shows the server's field errors next to the fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, login, openPage, screenshot, useServerAndBrowser } from './lib/harness.mjs';

const suite = useServerAndBrowser();

/** The row of the regions table whose code cell is exactly `code`. */
function regionRow(page, code) {
  return page
    .getByTestId('regions-table')
    .locator('tbody tr')
    .filter({ has: page.locator(`[data-region-code="${code}"]`) });
}

async function cells(row) {
  return (await row.locator('td').allInnerTexts()).map((text) => text.trim());
}

describe('regions', () => {
  test('admin sees the province, adds a city and gets the code error for a bad code', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.goto('/organisasi/perangkat-daerah');
      await page.getByRole('navigation', { name: 'Halaman organisasi' }).getByRole('link', { name: 'Wilayah' }).click();
      await page.waitForURL('**/organisasi/wilayah');
      await page.getByRole('heading', { level: 1, name: 'Wilayah' }).waitFor();
      await page.getByTestId('regions-table').waitFor();

      const province = regionRow(page, '64');
      await province.waitFor();
      const [code, name, level, parent] = await cells(province);
      assert.equal(code, '64');
      assert.match(name, /Kalimantan Timur/);
      assert.equal(level, 'Provinsi');
      assert.equal(parent, '—');

      // Adding Kota Samarinda: listed as a city below 64.
      const form = page.getByTestId('region-add');
      await form.getByRole('heading', { name: 'Tambah kabupaten/kota' }).waitFor();
      await form.getByLabel('Kode').fill('64.72');
      await form.getByLabel('Nama').fill('Kota Samarinda');
      await form.getByRole('button', { name: 'Tambah', exact: true }).click();
      await form.getByTestId('org-message').getByText('Kota Samarinda (64.72) ditambahkan.').waitFor();
      const city = regionRow(page, '64.72');
      await city.waitFor();
      const cityCells = await cells(city);
      assert.equal(cityCells[1], 'Kota Samarinda');
      assert.equal(cityCells[2], 'Kota');
      assert.equal((await city.locator('[data-parent-code]').innerText()).trim(), '64');
      assert.equal(await form.getByLabel('Kode').inputValue(), '');

      // The search box filters in the browser.
      await page.getByLabel('Cari (kode, nama, tingkat)').fill('samarinda');
      await page.getByTestId('regions-count').getByText(/^Menampilkan 1 dari \d+ wilayah\.$/).waitFor();
      assert.equal(await page.getByTestId('regions-table').locator('tbody tr').count(), 1);
      await regionRow(page, '64.72').waitFor();
      await page.getByLabel('Cari (kode, nama, tingkat)').fill('');
      await regionRow(page, '64').waitFor();

      // A regency number 00 does not exist: the 422 names `code`, shown at the code field.
      const rowsBefore = await page.getByTestId('regions-table').locator('tbody tr').count();
      await form.getByLabel('Kode').fill('64.00');
      await form.getByLabel('Nama').fill('Kabupaten Salah');
      await form.getByRole('button', { name: 'Tambah', exact: true }).click();
      await form.getByTestId('error').waitFor();
      const codeError = form.locator('#wilayah-kode-error');
      await codeError.waitFor();
      assert.match(await codeError.innerText(), /64\.00/);
      assert.equal(await form.getByLabel('Kode').getAttribute('aria-invalid'), 'true');
      assert.match(await form.getByLabel('Kode').getAttribute('aria-describedby'), /wilayah-kode-error/);
      assert.equal(await form.locator('#wilayah-nama-error').count(), 0);
      assert.equal(await page.getByTestId('regions-table').locator('tbody tr').count(), rowsBefore);
      assert.equal(await regionRow(page, '64.00').count(), 0);
      await screenshot(page, 'wilayah');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
