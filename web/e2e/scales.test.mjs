// Predicate scales (skala predikat): the planner sees the default scale in force for 2026,
// chooses the built-in berhasil4, is told when someone else changed the year meanwhile, then
// defines the region's own scale kaltim_uji (an Indonesian decimal comma sent with a dot); a
// scale whose bounds rise is refused with the message beside its row and nothing changes; the
// Dinkes scorecard then names kaltim_uji. The agency head sees the scale read-only.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, login, openPage, screenshot, useServerAndBrowser } from './lib/harness.mjs';

const suite = useServerAndBrowser();

const YEAR = 2026;

async function waitForLoaded(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));
}

async function text(locator) {
  return (await locator.innerText()).trim();
}

/** The year's choice as the API reads it, with the page's session. */
async function apiChoice(page) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, `/api/v1/predicate-scales/${YEAR}`);
}

/** Someone else chooses a scale for the year behind the page's back (same account, own request). */
async function chooseBehindTheBack(page, preset) {
  return page.evaluate(
    async ({ year, preset }) => {
      const session = await (await fetch('/api/v1/session', { credentials: 'same-origin' })).json();
      const current = await (await fetch(`/api/v1/predicate-scales/${year}`, { credentials: 'same-origin' })).json();
      const response = await fetch(`/api/v1/predicate-scales/${year}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: JSON.stringify({ version: current.version, preset }),
      });
      return response.status;
    },
    { year: YEAR, preset },
  );
}

/** Fills band `index` of the own-scale editor. */
async function fillBand(page, index, { test, bound, predicate }) {
  await page.locator(`#skala-pita-${index}-test`).selectOption(test);
  if (bound !== undefined) await page.locator(`#skala-pita-${index}-bound`).fill(bound);
  await page.locator(`#skala-pita-${index}-predicate`).fill(predicate);
}

function isScalePut(response) {
  return response.url().endsWith(`/api/v1/predicate-scales/${YEAR}`) && response.request().method() === 'PUT';
}

describe('predicate scales', () => {
  test('the planner chooses a built-in scale, then the region\'s own; a wrong one changes nothing', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      // Reached from the performance section's tabs.
      await page.goto(`/kinerja/capaian?tahun=${YEAR}&tw=3`);
      await page.locator('[data-section-nav="skala"]').click();
      await page.waitForURL((url) => url.pathname === '/kinerja/skala');
      await page.getByRole('heading', { level: 1, name: 'Skala Predikat' }).waitFor();
      assert.equal(await page.title(), 'Skala Predikat · Sinergi');
      await page.locator('#skala-tahun').selectOption(String(YEAR));
      await page.waitForURL((url) => url.searchParams.get('tahun') === String(YEAR));
      await waitForLoaded(page);

      // Nobody chose for 2026: the default permendagri86 is in force.
      const current = page.getByTestId('scale-current');
      await current.getByRole('heading', { name: `Skala yang berlaku ${YEAR}` }).waitFor();
      assert.equal(await text(current.getByTestId('scale-name')), 'permendagri86 v1');
      assert.equal(await text(current.getByTestId('scale-kind')), 'Skala bawaan');
      assert.equal(await text(current.getByTestId('scale-chosen')), 'Bawaan (belum dipilih)');
      const rules = await current.getByTestId('band-rule').allInnerTexts();
      assert.deepEqual(rules.map((rule) => rule.trim()), ['≥ 91%', '≥ 76%', '≥ 66%', '≥ 51%', 'selebihnya']);
      assert.equal(await current.getByTestId('predicate').first().getAttribute('data-predicate-step'), '0');
      await page.getByTestId('scale-history-empty').waitFor();
      await page.getByText(/tidak pernah mengubah persentase capaian/).first().waitFor();

      // A built-in scale, with its bands previewed before saving.
      const form = page.getByTestId('scale-form');
      assert.ok(await page.locator('#skala-sumber-bawaan').isChecked());
      await page.locator('#skala-bawaan').selectOption('berhasil4');
      await page.getByTestId('preset-bands').getByText('Sangat Berhasil').waitFor();
      const presetSent = page.waitForRequest((request) => request.url().endsWith(`/api/v1/predicate-scales/${YEAR}`) && request.method() === 'PUT');
      await form.getByRole('button', { name: 'Simpan skala' }).click();
      assert.deepEqual((await presetSent).postDataJSON(), { version: 0, preset: 'berhasil4' });
      await page.getByTestId('scale-message').getByText(`Skala predikat ${YEAR} disimpan: berhasil4 v1.`).waitFor();
      assert.equal(await text(current.getByTestId('scale-name')), 'berhasil4 v1');
      assert.match(await text(current.getByTestId('scale-chosen')), /^bapperida, /);
      await page.getByTestId('scale-history').locator(`tr[data-year="${YEAR}"]`).getByText('berhasil4 v1').waitFor();

      // Someone else changes the year meanwhile: the save is refused, the page says so and
      // shows the scale now in force, keeping what was typed.
      assert.equal(await chooseBehindTheBack(page, 'sakip88'), 200);
      await page.locator('#skala-sumber-sendiri').check();
      await page.locator('#skala-nama').fill('kaltim_uji');
      await page.locator('#skala-muat').selectOption('preset:tercapai3');
      await page.getByTestId('scale-load').click();
      assert.equal(await page.getByTestId('band-editor').locator('tbody tr').count(), 3);
      assert.equal(await page.locator('#skala-pita-0-bound').inputValue(), '100');
      // A band is added before the last ("lainnya") one and removed again.
      await page.getByTestId('band-add').click();
      assert.equal(await page.getByTestId('band-editor').locator('tbody tr').count(), 4);
      assert.equal(await page.locator('#skala-pita-3-test').inputValue(), 'any');
      await page.getByRole('button', { name: 'Hapus predikat 3' }).click();
      assert.equal(await page.getByTestId('band-editor').locator('tbody tr').count(), 3);
      await fillBand(page, 0, { test: 'gt', bound: '100', predicate: 'Melampaui' });
      await fillBand(page, 1, { test: 'ge', bound: '90,5', predicate: 'Tercapai' });
      await fillBand(page, 2, { test: 'any', predicate: 'Belum tercapai' });
      assert.ok(await page.locator('#skala-pita-2-bound').isDisabled());
      const refused = page.waitForResponse(isScalePut);
      await form.getByRole('button', { name: 'Simpan skala' }).click();
      assert.equal((await refused).status(), 409);
      await page.getByTestId('scale-message').getByText(/baru saja diubah orang lain/).waitFor();
      await current.getByTestId('scale-name').getByText('sakip88 v1').waitFor();
      assert.equal(await page.locator('#skala-nama').inputValue(), 'kaltim_uji');
      assert.equal(await page.locator('#skala-pita-1-bound').inputValue(), '90,5');

      // Saved again: the own scale, its decimal comma sent with a dot.
      const ownSent = page.waitForRequest((request) => request.url().endsWith(`/api/v1/predicate-scales/${YEAR}`) && request.method() === 'PUT');
      await form.getByRole('button', { name: 'Simpan skala' }).click();
      const body = (await ownSent).postDataJSON();
      assert.equal(body.version, 2);
      assert.deepEqual(body.scale, {
        name: 'kaltim_uji',
        bands: [
          { test: 'gt', bound: '100', predicate: 'Melampaui' },
          { test: 'ge', bound: '90.5', predicate: 'Tercapai' },
          { test: 'any', predicate: 'Belum tercapai' },
        ],
      });
      await page.getByTestId('scale-message').getByText(`Skala predikat ${YEAR} disimpan: kaltim_uji v1.`).waitFor();
      assert.equal(await text(current.getByTestId('scale-name')), 'kaltim_uji v1');
      assert.equal(await text(current.getByTestId('scale-kind')), 'Skala daerah sendiri');
      assert.deepEqual((await current.getByTestId('band-rule').allInnerTexts()).map((rule) => rule.trim()), ['> 100%', '≥ 90,5%', 'selebihnya']);
      assert.deepEqual(
        (await current.getByTestId('predicate').allInnerTexts()).map((name) => name.trim()),
        ['Melampaui', 'Tercapai', 'Belum tercapai'],
      );
      await page.getByTestId('scale-history').locator(`tr[data-year="${YEAR}"]`).getByText('kaltim_uji v1').waitFor();
      // The form starts from the scale in force; "Muat dari" now offers kaltim_uji v1 as well.
      assert.ok(await page.locator('#skala-sumber-sendiri').isChecked());
      assert.equal(await page.locator('#skala-muat option[value="custom:kaltim_uji:1"]').count(), 1);
      await screenshot(page, 'kinerja-skala-predikat');

      // Bounds that rise: refused, the message beside the second row, nothing changed.
      await page.locator('#skala-pita-1-bound').fill('120');
      const invalid = page.waitForResponse(isScalePut);
      await form.getByRole('button', { name: 'Simpan skala' }).click();
      assert.equal((await invalid).status(), 422);
      await page.locator('#skala-pita-1-bound-error').waitFor();
      assert.match(await text(page.locator('#skala-pita-1-bound-error')), /batas/i);
      assert.equal(await page.locator('#skala-pita-1-bound').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#skala-pita-0-bound-error').count(), 0);
      assert.equal(await page.getByTestId('field-errors').count(), 0, 'the message stands beside its row only');
      assert.equal(await text(current.getByTestId('scale-name')), 'kaltim_uji v1');
      const stored = await apiChoice(page);
      assert.equal(stored.scale.name, 'kaltim_uji');
      assert.equal(stored.scale.bands[1].bound, '90.5');
      assert.equal(stored.version, 3);

      // A bound that is not a number is caught before it is sent.
      await page.locator('#skala-pita-1-bound').fill('sembilan');
      await form.getByRole('button', { name: 'Simpan skala' }).click();
      await page.locator('#skala-pita-1-bound-error').getByText('Bukan angka (contoh: 90,5).').waitFor();

      // The agency scorecard of the year names the scale and colours by it.
      await page.goto(`/kinerja/capaian/Dinkes?tahun=${YEAR}&tw=3`);
      const legend = page.getByTestId('predicate-legend');
      await legend.waitFor();
      await waitForLoaded(page);
      assert.match(await legend.innerText(), /kaltim_uji \(versi 1\)/);
      assert.deepEqual(
        (await legend.getByTestId('predicate').allInnerTexts()).map((name) => name.trim()),
        ['Melampaui', 'Tercapai', 'Belum tercapai'],
      );
      const overall = page.getByTestId('agency-overall');
      if ((await page.getByTestId('overall-value').getAttribute('data-status')) === 'computed') {
        assert.match(await text(overall.getByTestId('predicate').first()), /^(Melampaui|Tercapai|Belum tercapai)$/);
      }
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the agency head sees the scale read-only', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'kadis.dinkes');
      await page.goto(`/kinerja/skala?tahun=${YEAR}`);
      const current = page.getByTestId('scale-current');
      await current.waitFor();
      await waitForLoaded(page);
      assert.equal(await text(current.getByTestId('scale-name')), 'kaltim_uji v1');
      assert.equal(await text(current.getByTestId('scale-kind')), 'Skala daerah sendiri');
      assert.match(await text(current.getByTestId('scale-chosen')), /^bapperida, /);
      await page.getByTestId('scale-read-only').waitFor();
      await page.getByTestId('scale-history').locator(`tr[data-year="${YEAR}"]`).getByText('kaltim_uji v1').waitFor();
      assert.equal(await page.getByTestId('scale-form').count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Simpan skala' }).count(), 0);
      // The tab is there for every reader of the performance pages.
      await page.locator('[data-section-nav="skala"]').waitFor();
      // Another year without a choice: the default.
      await page.locator('#skala-tahun').selectOption(String(YEAR - 1));
      await current.getByTestId('scale-name').getByText('permendagri86 v1').waitFor();
      assert.equal(await text(current.getByTestId('scale-chosen')), 'Bawaan (belum dipilih)');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
