// Performance (issue 6): the Dinkes agreement 2026 of the demo (submitted, not signed) is
// signed by the agency head (first party) and the governor (second party) with the SHA-256
// shown; the staff enters the TW III realization with a PDF as evidence, the head submits it
// (late: TW III closed on 15 Oct 2026), the planning agency verifies it from its queue, and
// the Dinkes scorecard then computes the item's achievement and explains it. The denials the
// screens show: the staff has no signing step, the head has no verification step.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, login, navLabels, openPage, screenshot, useServerAndBrowser } from './lib/harness.mjs';

const suite = useServerAndBrowser();

const YEAR = 2026;
const QUARTER = 3;
const VALUE_TYPED = '85,5';
/** 85.5 / 98.80 x 100, rounded to 2 decimals, as Indonesian writes it. */
const ACHIEVEMENT = '86,54';
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const state = { agreementId: 0, indicatorId: 0, indicatorName: '', hash: '' };

async function waitForLoaded(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));
}

/** Opens the Dinkes agreement of the year from the list (the list defaults to this year). */
async function openDinkesAgreement(page) {
  await page.goto(`/kinerja/perjanjian?opd=Dinkes&tahun=${YEAR}`);
  const table = page.getByTestId('agreements-table');
  await table.waitFor();
  await table.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
  await page.waitForURL(/\/kinerja\/perjanjian\/\d+$/);
  await page.getByRole('heading', { level: 1, name: `Perjanjian Kinerja Dinas Kesehatan ${YEAR}` }).waitFor();
  await page.getByTestId('agreement-summary').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** GET of a JSON endpoint with the page's session. */
async function apiGet(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path);
}

/** Without a choice the realization page takes the own agency, this year and the latest opened quarter. */
async function assertRealizationDefaults(page) {
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const windows = (await apiGet(page, `/api/v1/reporting-windows?year=${year}`)).items;
  const opened = windows.filter((window) => window.opens_on <= today).map((window) => window.quarter);
  const quarter = opened.length ? Math.max(...opened) : 1;
  await page.goto('/kinerja/realisasi');
  await page.waitForURL((url) => url.searchParams.has('tw'));
  const params = new URL(page.url()).searchParams;
  assert.deepEqual([params.get('opd'), params.get('tahun'), params.get('tw')], ['Dinkes', String(year), String(quarter)]);
}

/** The realization card of the first agreement item in TW III of the year. */
async function firstCard(page) {
  await page.goto(`/kinerja/realisasi?tahun=${YEAR}&tw=${QUARTER}`);
  await page.waitForURL((url) => url.searchParams.get('opd') === 'Dinkes');
  await waitForLoaded(page);
  const card = page.getByTestId('realization-card').first();
  await card.waitFor();
  return card;
}

async function openScorecard(page) {
  await page.goto(`/kinerja/capaian/Dinkes?tahun=${YEAR}&tw=${QUARTER}`);
  await page.getByTestId('agency-scorecard').waitFor();
  await waitForLoaded(page);
  return page.getByTestId('agency-scorecard').locator(`tr[data-indicator-id="${state.indicatorId}"]`);
}

describe('performance agreements, realization and scorecards', () => {
  test('the staff sees the submitted agreement without a signing step', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      assert.ok((await navLabels(page)).includes('Kinerja'));
      state.agreementId = await openDinkesAgreement(page);
      assert.match(await page.getByTestId('agreement-state').innerText(), /Diajukan/);
      state.hash = (await page.getByTestId('agreement-hash').locator('code').innerText()).trim();
      assert.match(state.hash, /^[0-9a-f]{64}$/);
      assert.match(await page.getByTestId('agreement-intact').innerText(), /utuh/);
      // Items with the cumulative quarter targets.
      const firstRow = page.getByTestId('agreement-items-table').locator('tbody tr').first();
      state.indicatorId = Number(await firstRow.getAttribute('data-indicator-id'));
      state.indicatorName = (await firstRow.locator('td').nth(1).innerText()).trim();
      assert.ok(state.indicatorId > 0);
      // No step for the staff: no sign button at all.
      assert.equal(await page.getByRole('button', { name: /Tandatangani/ }).count(), 0);
      assert.equal(await page.getByTestId('workflow-agreement').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the agency head signs as the first party, the governor as the second', async () => {
    const head = await openPage(suite.browser, suite.server);
    try {
      await login(head.page, 'kadis.dinkes');
      await openDinkesAgreement(head.page);
      await head.page.getByRole('button', { name: 'Tandatangani sebagai pihak pertama' }).click();
      const signing = head.page.getByTestId('signing-hash');
      await signing.waitFor();
      assert.equal((await signing.locator('code').innerText()).trim(), state.hash, 'the hash being signed is shown');
      await screenshot(head.page, 'kinerja-tandatangan-pihak-pertama');
      const signed = head.page.waitForResponse(
        (response) => response.url().endsWith(`/api/v1/agreements/${state.agreementId}/steps`) && response.request().method() === 'POST',
      );
      await head.page.getByTestId('workflow-confirm').click();
      assert.equal((await signed).status(), 200);
      await head.page.getByTestId('agreement-message').getByText('Perjanjian ditandatangani sebagai pihak pertama.').waitFor();
      await head.page.getByTestId('agreement-state').getByText('Ditandatangani pihak pertama').waitFor();
      // The first signer cannot also sign as the second party.
      assert.equal(await head.page.getByRole('button', { name: 'Tandatangani sebagai pihak kedua' }).count(), 0);
      assertNoProblems(head.problems);
    } finally {
      await head.context.close();
    }

    const governor = await openPage(suite.browser, suite.server);
    try {
      await login(governor.page, 'gubernur');
      await openDinkesAgreement(governor.page);
      await governor.page.getByRole('button', { name: 'Tandatangani sebagai pihak kedua' }).click();
      assert.equal((await governor.page.getByTestId('signing-hash').locator('code').innerText()).trim(), state.hash);
      await governor.page.getByTestId('workflow-confirm').click();
      await governor.page.getByTestId('agreement-message').getByText(/ditandatangani sebagai pihak kedua/).waitFor();
      const badge = governor.page.getByTestId('agreement-state').getByTestId('state-badge');
      assert.equal((await badge.innerText()).trim(), 'Ditandatangani');
      assert.equal(await badge.getAttribute('data-state'), 'signed');
      assert.equal((await governor.page.getByTestId('agreement-hash').locator('code').innerText()).trim(), state.hash);
      assert.match(await governor.page.getByTestId('agreement-intact').innerText(), /utuh/);
      // The timeline names both signatures.
      const timeline = governor.page.getByTestId('timeline');
      await timeline.locator('[data-transition="sign_second_party"]').waitFor();
      assert.equal(await timeline.locator('[data-transition="sign_first_party"]').count(), 1);
      // The PDF of the agreement downloads.
      const download = governor.page.waitForEvent('download');
      await governor.page.getByTestId('agreement-pdf').click();
      assert.match((await download).suggestedFilename(), /\.pdf$/);
      await screenshot(governor.page, 'kinerja-perjanjian-ditandatangani');
      assertNoProblems(governor.problems);
    } finally {
      await governor.context.close();
    }
  });

  test('the staff enters the TW III value with a PDF as evidence; nothing counts yet', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      // Before: the signed agreement's item has no achievement for TW III.
      const before = await openScorecard(page);
      const achievement = before.getByTestId('achievement');
      assert.equal(await achievement.getAttribute('data-status'), 'not_available');
      assert.match(await achievement.innerText(), /n\/a/);

      await assertRealizationDefaults(page);
      const card = await firstCard(page);
      assert.equal(await card.getAttribute('data-indicator-id'), String(state.indicatorId));
      assert.match(await page.getByTestId('reporting-window').innerText(), /Sudah ditutup/);
      await card.getByLabel(/^Nilai realisasi/).fill(VALUE_TYPED);
      await card.getByLabel('Sumber data').fill('Data kepesertaan BPJS Kesehatan triwulan III');
      // A type the server does not take is refused before it is sent.
      await card.getByLabel('Berkas bukti').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('catatan') });
      await card.getByText(/Jenis berkas tidak diterima/).waitFor();
      await card.getByLabel('Berkas bukti').setInputFiles({ name: 'bukti-uhc-tw3.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF });
      assert.equal(await card.getByText(/Jenis berkas tidak diterima/).count(), 0);
      const uploaded = page.waitForResponse((response) => /\/api\/v1\/realizations\/\d+\/evidence$/.test(response.url()));
      await card.getByTestId('evidence-upload').click();
      assert.equal((await uploaded).status(), 201);
      await card.getByTestId('evidence-list').getByRole('link', { name: 'bukti-uhc-tw3.pdf' }).waitFor();
      await card.getByLabel('Faktor pendukung').fill('Integrasi data kependudukan');
      const saved = page.waitForResponse((response) => response.url().endsWith('/api/v1/realizations') && response.request().method() === 'PUT');
      await card.getByTestId('realization-save').click();
      assert.equal((await saved).status(), 200);
      await card.getByTestId('realization-message').getByText('Realisasi disimpan.').waitFor();
      assert.equal(await card.getAttribute('data-state'), 'draft');
      // Staff saves but does not submit: no workflow step on the card.
      assert.equal(await card.getByTestId('workflow-realization').count(), 0);
      await screenshot(page, 'kinerja-realisasi-staf');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the agency head submits it (late) and cannot verify it', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'kadis.dinkes');
      const card = await firstCard(page);
      assert.equal(await card.getAttribute('data-state'), 'draft');
      await card.getByRole('button', { name: 'Ajukan untuk diverifikasi' }).click();
      await card.getByTestId('workflow-confirm').click();
      await card.getByTestId('realization-message').getByText('Realisasi diajukan untuk diverifikasi.').waitFor();
      await card.getByTestId('late-badge').waitFor();
      assert.equal((await card.getByTestId('late-badge').innerText()).trim(), 'Terlambat');
      assert.equal(await card.getAttribute('data-state'), 'submitted');
      assert.equal(await card.getByRole('button', { name: 'Verifikasi' }).count(), 0);
      await page.getByTestId('realization-counts').locator('[data-stat="late"] .stat__value').filter({ hasText: /^[1-9]/ }).waitFor();

      // In the queue the head sees the report waiting, without a verification step.
      await page.goto(`/kinerja/verifikasi?opd=Dinkes&tahun=${YEAR}&tw=${QUARTER}`);
      const row = page.getByTestId('queue-table').locator(`tr[data-indicator-id="${state.indicatorId}"]`);
      await row.waitFor();
      assert.equal(await row.getByRole('button', { name: 'Verifikasi' }).count(), 0);
      await row.getByText('Tidak ada langkah untuk Anda.').waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the planning agency verifies it from the queue and the scorecard computes it', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto('/kinerja/verifikasi');
      const row = page.getByTestId('queue-table').locator(`tr[data-agency="Dinkes"][data-indicator-id="${state.indicatorId}"]`);
      await row.waitFor();
      assert.equal((await row.getByTestId('queue-value').innerText()).trim(), '85,5');
      await row.getByRole('link', { name: 'bukti-uhc-tw3.pdf' }).waitFor();
      assert.match(await row.innerText(), /Terlambat/);
      await screenshot(page, 'kinerja-verifikasi');
      await row.getByRole('button', { name: 'Verifikasi' }).click();
      await row.getByLabel(/Nilai terverifikasi/).waitFor();
      const verified = page.waitForResponse((response) => /\/api\/v1\/realizations\/\d+\/steps$/.test(response.url()));
      await row.getByTestId('workflow-confirm').click();
      assert.equal((await verified).status(), 200);
      await page.getByTestId('queue-message').getByText(/diverifikasi/).waitFor();
      await page.getByTestId('queue-table').locator(`tr[data-agency="Dinkes"][data-indicator-id="${state.indicatorId}"]`).waitFor({ state: 'detached' });

      // After: the achievement is computed from the verified value (no "*").
      const item = await openScorecard(page);
      const achievement = item.getByTestId('achievement');
      assert.equal(await achievement.getAttribute('data-status'), 'computed');
      const text = (await achievement.locator('strong').innerText()).trim();
      assert.ok(text.startsWith(ACHIEVEMENT), `achievement ${text}`);
      assert.ok(!text.includes('*'), 'verified: not marked');
      await item.getByTestId('predicate').waitFor();
      await item.getByTestId('trend-chart').waitFor();
      await page.getByTestId('predicate-legend').getByText(/permendagri86/).waitFor();
      const report = page.waitForEvent('download');
      await page.getByTestId('monitoring-pdf').click();
      assert.equal((await report).suggestedFilename(), `monitoring-Dinkes-${YEAR}-TW${QUARTER}.pdf`);

      // "Mengapa angka ini?" lists the value and the target.
      await item.getByRole('button', { name: 'Mengapa angka ini?' }).click();
      const explanation = page.getByTestId('explanation');
      await explanation.locator('ol li').first().waitFor();
      // The server's steps (not only the page's summary line) name the value and the target.
      const steps = (await explanation.locator('ol li').allInnerTexts()).join('\n');
      assert.match(steps, /85,5/, steps);
      assert.match(steps, /98,80/, steps);
      assert.equal(await item.getByRole('button', { name: 'Mengapa angka ini?' }).getAttribute('aria-expanded'), 'true');
      await screenshot(page, 'kinerja-capaian-dinkes');

      // The region ranking links to the agency's scorecard.
      await page.goto(`/kinerja/capaian?tahun=${YEAR}&tw=${QUARTER}`);
      const dinkes = page.getByTestId('region-scorecard').locator('tr[data-agency="Dinkes"]');
      await dinkes.waitFor();
      assert.equal(await dinkes.getByTestId('overall').getAttribute('data-status'), 'computed');
      await screenshot(page, 'kinerja-capaian-wilayah');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the head now sees the verified value beside the agency value', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'kadis.dinkes');
      const card = await firstCard(page);
      assert.equal(await card.getAttribute('data-state'), 'verified');
      assert.equal((await card.getByTestId('agency-value').innerText()).trim(), '85,5');
      assert.equal((await card.getByTestId('verified-value').innerText()).trim(), '85,5');
      assert.equal(await card.getByTestId('workflow-realization').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});

describe('drafting agreements and reporting windows', () => {
  test('the planner revises a signed agreement: field messages beside the targets, then a clean save', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto(`/kinerja/perjanjian?opd=Dinsos&tahun=${YEAR}`);
      await page.getByTestId('agreements-table').getByRole('link', { name: 'Dinas Sosial', exact: true }).click();
      await page.getByTestId('agreement-summary').waitFor();
      const signedUrl = page.url();
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'signed');

      // "Ajukan perubahan" needs a reason.
      const revise = page.getByTestId('agreement-revise');
      await revise.getByRole('button', { name: 'Ajukan perubahan' }).click();
      await revise.getByRole('button', { name: 'Buat draf perubahan' }).click();
      await revise.getByText('Alasan perubahan wajib diisi.').waitFor();
      await revise.getByLabel(/Alasan perubahan/).fill('Penyesuaian target triwulan setelah APBD Perubahan');
      await revise.getByRole('button', { name: 'Buat draf perubahan' }).click();
      await page.waitForURL((url) => url.href !== signedUrl && /\/kinerja\/perjanjian\/\d+$/.test(url.pathname));
      await page.getByTestId('agreement-kind').getByText('Perubahan ke-1').waitFor();
      assert.match(await page.getByTestId('agreement-kind').innerText(), /APBD Perubahan/);
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'draft');

      // The draft is edited in place: a range with its bounds the wrong way round is refused
      // by the server, and its message stands next to TW II of the first item.
      await page.locator('#butir-0-tw2-rentang').check();
      await page.locator('#butir-0-tw2-bawah').fill('60');
      await page.locator('#butir-0-tw2-atas').fill('40');
      const refused = page.waitForResponse((response) => /\/api\/v1\/agreements\/\d+$/.test(response.url()) && response.request().method() === 'PUT');
      await page.getByRole('button', { name: 'Simpan perjanjian' }).click();
      assert.equal((await refused).status(), 422);
      const tw2 = page.locator('[data-target-editor="butir-0-tw2"]');
      await tw2.locator('.field__error').getByText(/batas bawah melebihi batas atas/).waitFor();
      assert.equal(await page.locator('#butir-0-tw2-bawah').getAttribute('aria-invalid'), 'true');

      // Fixed, with an indicator added from the plan and a programme removed: saved whole.
      await page.locator('#butir-0-tw2-atas').fill('65,5');
      const before = Number((await page.getByTestId('agreement-total').innerText()).replace(/\D/g, ''));
      const items = await page.locator('.item-editor').count();
      const option = await page.locator('#tambah-indikator option').nth(1).getAttribute('value');
      await page.locator('#tambah-indikator').selectOption(option);
      await page.getByRole('button', { name: 'Tambah indikator' }).click();
      assert.equal(await page.locator('.item-editor').count(), items + 1);
      await page.getByTestId('agreement-programs').getByRole('button', { name: 'Hapus' }).last().click();
      const after = Number((await page.getByTestId('agreement-total').innerText()).replace(/\D/g, ''));
      assert.ok(after < before, `total ${after} < ${before}`);
      await page.getByRole('button', { name: 'Simpan perjanjian' }).click();
      await page.getByTestId('agreement-message').getByText('Perjanjian disimpan.').waitFor();
      assert.equal(await page.locator('#butir-0-tw2-bawah').inputValue(), '60');
      assert.equal(await page.locator('#butir-0-tw2-atas').inputValue(), '65,5');
      assert.equal(await page.locator('.item-editor').count(), items + 1);
      await screenshot(page, 'kinerja-perubahan-draf');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the agency abandons a draft revision with a reason; the signed agreement stays in force', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.disdikbud');
      await page.goto(`/kinerja/perjanjian?opd=Disdikbud&tahun=${YEAR}`);
      await page.getByTestId('agreements-table').getByRole('link', { name: /Pendidikan/ }).first().click();
      await page.getByTestId('agreement-summary').waitFor();
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'signed');
      const signedUrl = page.url();
      const revise = page.getByTestId('agreement-revise');
      await revise.getByRole('button', { name: 'Ajukan perubahan' }).click();
      await revise.getByLabel(/Alasan perubahan/).fill('Pergeseran anggaran bidang SMA');
      await revise.getByRole('button', { name: 'Buat draf perubahan' }).click();
      await page.waitForURL((url) => url.href !== signedUrl && /\/kinerja\/perjanjian\/\d+$/.test(url.pathname));
      await page.getByTestId('agreement-kind').getByText('Perubahan ke-1').waitFor();

      // The server says abandoning needs a reason; the form asks for it before sending.
      await page.getByRole('button', { name: 'Batalkan draf perubahan' }).click();
      await page.getByTestId('workflow-confirm').click();
      await page.getByText('Catatan wajib diisi', { exact: false }).first().waitFor();
      await page.getByLabel(/Catatan/).fill('Pergeseran dibatalkan oleh TAPD');
      await page.getByTestId('workflow-confirm').click();
      await page.getByTestId('agreement-message').getByText(/Draf perubahan dibatalkan/).waitFor();
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'abandoned');

      // The signed agreement is still the one in force and may be revised again.
      await page.goto(signedUrl);
      await page.getByTestId('agreement-summary').waitFor();
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'signed');
      await page.getByTestId('agreement-revise').getByRole('button', { name: 'Ajukan perubahan' }).waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('a new agreement for next year needs the second party\'s name; the planner keeps the windows', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto('/kinerja/perjanjian');
      const create = page.getByTestId('agreement-create');
      await create.locator('summary').click();
      assert.equal(await page.locator('#pihak-kedua-jabatan').inputValue(), 'Gubernur Kalimantan Timur');
      assert.equal(await page.locator('#pihak-kedua-nama').inputValue(), '');
      await page.locator('#perjanjian-opd').selectOption('Dinkes');
      await page.locator('#perjanjian-tahun').selectOption(String(YEAR + 1));
      await create.getByRole('button', { name: 'Buat perjanjian' }).click();
      await create.locator('#pihak-kedua-nama-error').getByText('Wajib diisi.').waitFor();
      await page.locator('#pihak-kedua-nama').fill('Dr. H. Rudy Mas\'ud, S.E., M.E.');
      await create.getByRole('button', { name: 'Buat perjanjian' }).click();
      await page.waitForURL(/\/kinerja\/perjanjian\/\d+$/);
      await page.getByRole('heading', { level: 1, name: `Perjanjian Kinerja Dinas Kesehatan ${YEAR + 1}` }).waitFor();
      assert.equal(await page.getByTestId('agreement-state').getByTestId('state-badge').getAttribute('data-state'), 'draft');
      await page.getByTestId('agreement-save').waitFor();

      // Reporting windows of the year: four rows, the demo's dates.
      await page.goto(`/kinerja/jendela?tahun=${YEAR}`);
      await page.getByTestId('windows-form').waitFor();
      assert.equal(await page.locator('#jendela-3-opens_on').inputValue(), '2026-10-01');
      assert.equal(await page.locator('#jendela-3-closes_on').inputValue(), '2026-10-15');
      assert.equal(await page.locator('#jendela-4-opens_on').inputValue(), '2027-01-04');
      await page.locator('#jendela-4-closes_on').fill('2027-01-20');
      await page.getByTestId('windows-form').getByRole('button', { name: 'Simpan' }).click();
      await page.getByTestId('windows-saved').waitFor();
      assert.equal(await page.locator('#jendela-4-closes_on').inputValue(), '2027-01-20');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('an agency without a signed agreement is told so on the realization page', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto(`/kinerja/realisasi?opd=Dinkes&tahun=${YEAR + 1}&tw=1`);
      const notice = page.getByTestId('no-agreement');
      await notice.waitFor();
      assert.match(await notice.innerText(), /belum memiliki perjanjian kinerja 2027 yang ditandatangani/);
      await notice.getByTestId('no-agreement-link').click();
      await page.waitForURL(/\/kinerja\/perjanjian\/\d+$/);
      await page.getByRole('heading', { level: 1, name: `Perjanjian Kinerja Dinas Kesehatan ${YEAR + 1}` }).waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
