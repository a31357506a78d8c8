// The auditor's arithmetic check (issue 6, docs/api/performance.md "Report check"): any
// signed-in role uploads a table of published achievements and reads a verdict per row.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertNoProblems, login, openPage, screenshot, useServerAndBrowser } from './lib/harness.mjs';

// One row of each verdict, from the published reports of ../shared/domain/cases: the AKB of
// LKj Lampung 2015 (mirror: (2 x 32 - 4,88) / 32 = 184,75), the HIV prevalence the report
// computed from an unrounded realization (197,96 against a printed 198,58), and a row
// without realization.
const REPORT = [
  'indicator,polarity,target,realization,published_achievement_percent',
  'Angka Kematian Bayi (AKB) Lampung 2015,lower_is_better,32,"4,88","184,75"',
  'Prevalensi HIV Lampung 2015,lower_is_better,"0,49","0,01","198,58"',
  'Indikator tanpa realisasi,higher_is_better,90,,95',
  '',
].join('\r\n');

const suite = useServerAndBrowser();

describe('check report', () => {
  test('an agency staff member checks a published report and downloads the result', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Periksa Laporan' }).click();
      await page.waitForURL('**/alat/periksa-laporan');
      await page.getByRole('heading', { level: 1, name: 'Periksa Laporan' }).waitFor();
      assert.equal(await page.title(), 'Periksa Laporan · Sinergi');

      // The example file is made in the browser and is itself a valid input.
      const exampleDownload = page.waitForEvent('download');
      await page.getByTestId('report-check-example').click();
      const example = await exampleDownload;
      assert.equal(example.suggestedFilename(), 'contoh-periksa-laporan.csv');
      assert.match((await readFile(await example.path())).toString('utf8'), /published_achievement_percent/);

      await page.getByLabel('Berkas (CSV atau XLSX)').setInputFiles({
        name: 'lkj-lampung.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(REPORT, 'utf8'),
      });
      const sent = page.waitForRequest((request) => request.url().includes('/api/v1/tools/check-report'));
      await page.getByTestId('report-check-run').click();
      const request = await sent;
      assert.equal(request.method(), 'POST');
      assert.equal(request.headers()['content-type'], 'text/csv');
      assert.ok(request.headers()['x-csrf-token'], 'CSRF header');

      const table = page.getByTestId('report-check-table');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), 3);

      const consistent = table.locator('tbody tr[data-row="2"]');
      assert.equal(await consistent.getAttribute('data-verdict'), 'consistent');
      assert.equal((await consistent.getByTestId('verdict').innerText()).trim(), 'Konsisten');
      assert.equal((await consistent.getByTestId('computed').innerText()).trim(), '184,75');
      assert.match(await consistent.innerText(), /mirror/);
      // "Why this number": the arithmetic with the row's own numbers.
      const why = consistent.getByTestId('why');
      await why.locator('summary').click();
      assert.match(await why.innerText(), /\(2 x 32 - 4,88\) \/ 32 x 100 = 184,75/);

      const inconsistent = table.locator('tbody tr[data-row="3"]');
      assert.equal(await inconsistent.getAttribute('data-verdict'), 'inconsistent');
      assert.equal((await inconsistent.getByTestId('verdict').innerText()).trim(), 'Tidak konsisten');
      assert.equal((await inconsistent.getByTestId('computed').innerText()).trim(), '197,96');
      assert.match(await inconsistent.innerText(), /bukan 198,58/);

      const missing = table.locator('tbody tr[data-row="4"]');
      assert.equal(await missing.getAttribute('data-verdict'), 'not_computable');
      assert.equal((await missing.getByTestId('verdict').innerText()).trim(), 'Tidak dapat dihitung');
      assert.match(await missing.innerText(), /kolom realization kosong/);

      const result = page.getByTestId('report-check-result');
      for (const verdict of ['consistent', 'inconsistent', 'not_computable']) {
        assert.equal((await result.locator(`[data-stat="${verdict}"] .stat__value`).innerText()).trim(), '1');
      }
      await screenshot(page, 'periksa-laporan');

      const resultDownload = page.waitForEvent('download');
      await page.getByTestId('report-check-download').click();
      const download = await resultDownload;
      assert.equal(download.suggestedFilename(), 'lkj-lampung-diperiksa.csv');
      const text = (await readFile(await download.path())).toString('utf8');
      assert.match(text, /"verdict"/);
      assert.match(text, /"184,75","mirror","consistent"/);
      assert.match(text, /"not_computable"/);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('a file without a required column is refused with the column named', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'inspektorat');
      await page.goto('/alat/periksa-laporan');
      await page.getByLabel('Berkas (CSV atau XLSX)').setInputFiles({
        name: 'tanpa-capaian.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('indikator,polaritas,target,realisasi\r\nAKB,lower_is_better,32,"4,88"\r\n', 'utf8'),
      });
      await page.getByTestId('report-check-run').click();
      const listed = page.getByTestId('report-check-file-problems');
      await listed.waitFor();
      assert.match(await listed.innerText(), /published_achievement_percent/);
      assert.equal(await page.getByTestId('report-check-table').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
