// The organization registry (issue 4): the vacancy board leads to a post where an acting
// official is appointed, the import's dry run reports every problem by row and column
// before an all-or-nothing commit, the organisation chart marks acting holders and
// vacancies, the attendance pages (discipline and the rate chart) work under the strict
// CSP, and the import page is the personnel office's only.
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

/** GET of a JSON endpoint with the page's session (for choosing test data only). */
async function apiGet(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path);
}

async function statValue(page, container, stat) {
  const text = await page.getByTestId(container).locator(`[data-stat="${stat}"] .stat__value`).innerText();
  return Number(text.replace(/\D/g, ''));
}

async function waitForList(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));
}

// People CSV: a header (row 1) and three people (rows 2-4). The NIPs follow the rules of
// the NIP (birth date, appointment month, gender, serial) and use serials the demo does not.
const HEADER = 'nip,name,rank_grade,employment_status,agency_code';
const GOOD_ROW_2 = '197712242005022987,Uji Impor Satu,Penata (III/c),pns,Dinkes';
const BAD_NIP_ROW_3 = '19771224200502X986,Uji Impor Dua,Penata (III/c),pns,Dinkes';
const GOOD_ROW_3 = '198611052010011986,Uji Impor Dua,Penata (III/c),pns,Dinkes';
const BAD_AGENCY_ROW_4 = '199208172019032985,Uji Impor Tiga,Penata Muda (III/a),pppk,TIDAKADA';
const GOOD_ROW_4 = '199208172019032985,Uji Impor Tiga,Penata Muda (III/a),pppk,Dinkes';

function csv(...rows) {
  return Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
}

describe('organization registry', () => {
  test('find a vacancy from the board, appoint an acting official, see the board change', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kekosongan Jabatan' }).click();
      await page.waitForURL('**/organisasi/kekosongan');
      await page.getByTestId('vacancies-table').waitFor();
      await page.getByTestId('vacancy-summary').waitFor();
      const vacantBefore = await statValue(page, 'vacancy-summary', 'vacant');
      const actingBefore = await statValue(page, 'vacancy-summary', 'acting');
      assert.ok(vacantBefore >= 1, `vacant ${vacantBefore}`);
      await screenshot(page, 'kekosongan-jabatan');

      // Only the vacant posts, oldest first; take the first one.
      await page.getByLabel('Keadaan').selectOption('vacant');
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL(/keadaan=vacant/);
      await waitForList(page);
      const firstRow = page.getByTestId('vacancies-table').locator('tbody tr.row--vacant').first();
      await firstRow.waitFor();
      assert.equal(await page.getByTestId('vacancies-table').locator('tbody tr:not(.row--vacant)').count(), 0);
      const link = firstRow.locator('a[data-position-id]');
      const positionId = Number(await link.getAttribute('data-position-id'));
      const title = (await link.innerText()).trim();
      const agencyCode = (await firstRow.locator('td').nth(1).innerText()).trim();
      await link.click();
      await page.waitForURL(`**/organisasi/jabatan/${positionId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.match(await page.getByTestId('position-state').innerText(), /Kosong/);

      // A person of the same agency who holds no post today.
      const people = await apiGet(page, `/api/v1/people?agency_code=${encodeURIComponent(agencyCode)}&active=true&page_size=100`);
      const candidate = people.items.find((person) => person.positions.length === 0);
      assert.ok(candidate, `someone without a post in ${agencyCode}`);

      const appoint = page.getByTestId('appoint');
      await appoint.getByLabel('Pegawai').fill(candidate.nip);
      await appoint.locator(`button[data-person-id="${candidate.id}"]`).click();
      await appoint.getByTestId('chosen-person').getByText(candidate.name).waitFor();
      await appoint.getByLabel('Plt (Pelaksana Tugas)').check();
      const today = await page.evaluate(() => {
        const now = new Date();
        const pad = (n) => String(n).padStart(2, '0');
        return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      });
      assert.equal(await appoint.getByLabel('Mulai (TMT)').inputValue(), today);
      await appoint.getByLabel('Nomor SK').fill('800/123/BKD-UJI/2026');
      await appoint.getByRole('button', { name: 'Angkat', exact: true }).click();
      await page.getByTestId('org-message').getByText(`${candidate.name} ditetapkan sebagai Pelaksana Tugas.`).waitFor();
      await page.getByTestId('position-state').getByText('Plt').waitFor();
      const history = page.getByTestId('position-history');
      await history.getByRole('row').filter({ hasText: candidate.name }).getByText('Menjabat').waitFor();
      await screenshot(page, 'jabatan-plt');

      // Back on the board: the post is acting now and one fewer post is vacant.
      await page.getByRole('link', { name: 'Papan kekosongan' }).click();
      await page.waitForURL('**/organisasi/kekosongan');
      await page.getByTestId('vacancy-summary').waitFor();
      assert.equal(await statValue(page, 'vacancy-summary', 'vacant'), vacantBefore - 1);
      assert.equal(await statValue(page, 'vacancy-summary', 'acting'), actingBefore + 1);
      await page.getByLabel('Perangkat daerah').selectOption(agencyCode);
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL(/opd=/);
      await waitForList(page);
      const row = page.getByTestId('vacancies-table').locator('tbody tr').filter({ has: page.locator(`a[data-position-id="${positionId}"]`) });
      await row.waitFor();
      assert.match(await row.getAttribute('class'), /row--acting/);
      assert.match(await row.innerText(), new RegExp(candidate.name));
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('appointing over a definitive holder shows the server field errors next to their fields', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      // A filled post, and someone who already holds another definitive post today.
      const filled = await apiGet(page, '/api/v1/positions?state=filled&agency_code=Dinkes&page_size=100');
      const post = filled.items.find((position) => position.status.holder?.kind === 'definitive');
      const holder = filled.items.find(
        (position) => position.id !== post.id && position.status.holder?.kind === 'definitive',
      ).status.holder;
      await page.goto(`/organisasi/jabatan/${post.id}`);
      const appoint = page.getByTestId('appoint');
      await appoint.waitFor();
      await appoint.getByLabel('Pegawai').fill(holder.nip);
      await appoint.locator(`button[data-person-id="${holder.person_id}"]`).click();
      await appoint.getByLabel('Definitif', { exact: true }).check();
      await appoint.getByLabel('Mulai (TMT)').fill('2026-01-05');
      await appoint.getByRole('button', { name: 'Angkat', exact: true }).click();
      await appoint.getByTestId('error').waitFor();
      // starts_on: overlaps the definitive holder; person_id: already holds a definitive post.
      const startsError = appoint.locator('#angkat-mulai-error');
      await startsError.waitFor();
      assert.equal(await appoint.getByLabel('Mulai (TMT)').getAttribute('aria-invalid'), 'true');
      assert.match(await appoint.getByLabel('Mulai (TMT)').getAttribute('aria-describedby'), /angkat-mulai-error/);
      assert.match(await startsError.innerText(), new RegExp(post.status.holder.name.split(',')[0]));
      const personError = appoint.locator('#angkat-pegawai-error');
      await personError.waitFor();
      assert.ok((await personError.innerText()).trim().length > 0);
      // ends_on before starts_on (checked in the browser before anything is sent).
      await appoint.getByLabel('Plh (Pelaksana Harian)').check();
      await appoint.getByLabel('Selesai').fill('2026-01-02');
      await appoint.getByRole('button', { name: 'Angkat', exact: true }).click();
      await appoint.locator('#angkat-selesai-error').waitFor();
      await screenshot(page, 'jabatan-galat-penugasan');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('run an import with errors and read the error report', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Impor Data' }).click();
      await page.waitForURL('**/organisasi/impor');
      await page.getByLabel('Jenis data').selectOption('people');
      await page.getByTestId('import-columns').getByText('employment_status').waitFor();

      const file = page.getByLabel('Berkas (CSV atau XLSX)');
      await file.setInputFiles({ name: 'pegawai-uji.csv', mimeType: 'text/csv', buffer: csv(GOOD_ROW_2, BAD_NIP_ROW_3, BAD_AGENCY_ROW_4) });
      const dryRun = page.waitForRequest((request) => request.url().includes('/imports/people?mode=dry_run'));
      await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
      const request = await dryRun;
      assert.equal(request.method(), 'POST');
      assert.equal(request.headers()['content-type'], 'text/csv');
      assert.equal(request.headers()['x-file-name'], 'pegawai-uji.csv');
      assert.ok(request.headers()['x-csrf-token'], 'CSRF header');

      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const nipRow = errors.locator('tbody tr[data-row="3"][data-column="nip"]');
      const agencyRow = errors.locator('tbody tr[data-row="4"][data-column="agency_code"]');
      await nipRow.waitFor();
      await agencyRow.waitFor();
      assert.ok((await nipRow.locator('td').nth(2).innerText()).trim().length > 0, 'a message for the NIP');
      assert.match(await agencyRow.innerText(), /TIDAKADA|tidak/i);
      assert.equal(await errors.locator('tbody tr').count(), 2, await errors.innerText());
      assert.equal(await statValue(page, 'import-report', 'errors'), 2);
      assert.equal(await statValue(page, 'import-report', 'rows'), 3);
      assert.ok(await page.getByTestId('import-commit').isDisabled(), 'Simpan is disabled after a dry run with errors');
      await screenshot(page, 'impor-laporan-kesalahan');

      // Nothing was written by the dry run.
      const before = await apiGet(page, '/api/v1/people?q=Uji%20Impor&page_size=10');
      assert.equal(before.total, 0);

      // The corrected file: a new dry run without errors enables Simpan.
      await file.setInputFiles({ name: 'pegawai-uji.csv', mimeType: 'text/csv', buffer: csv(GOOD_ROW_2, GOOD_ROW_3, GOOD_ROW_4) });
      assert.equal(await page.getByTestId('import-report').count(), 0, 'a new file needs a new dry run');
      assert.ok(await page.getByTestId('import-commit').isDisabled());
      await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
      await page.getByTestId('import-outcome').getByText('Tidak ada kesalahan').waitFor();
      assert.equal(await statValue(page, 'import-report', 'created'), 3);
      assert.ok(await page.getByTestId('import-commit').isEnabled());

      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-outcome').getByText(/^Tersimpan/).waitFor();
      assert.equal(await statValue(page, 'import-report', 'created'), 3);
      assert.equal(await statValue(page, 'import-report', 'errors'), 0);
      assert.ok(await page.getByTestId('import-commit').isDisabled(), 'no second commit of the same file');
      await screenshot(page, 'impor-tersimpan');

      const after = await apiGet(page, '/api/v1/people?q=Uji%20Impor&page_size=10');
      assert.equal(after.total, 3);

      // The people list finds them and exports the filtered list.
      await page.goto('/organisasi/pegawai?cari=Uji%20Impor');
      await page.getByTestId('people-table').getByRole('link', { name: 'Uji Impor Tiga' }).waitFor();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Ekspor CSV' }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /\.csv$/);
      const text = (await readFile(await download.path())).toString('utf8');
      assert.match(text, /Uji Impor Satu/);
      assert.match(text, /199208172019032985/);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the organisation chart marks acting heads and vacancies, and folds', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      const agencies = await apiGet(page, '/api/v1/agencies?page_size=100');
      const led = agencies.items.find((agency) => agency.head?.state === 'acting');
      assert.ok(led, 'an agency led by a Plt');

      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Organisasi' }).click();
      await page.waitForURL('**/organisasi/perangkat-daerah');
      const table = page.getByTestId('agencies-table');
      await table.waitFor();
      await screenshot(page, 'perangkat-daerah');
      // Sorting by name puts the address in the URL and the table in order.
      await table.getByRole('button', { name: /^Nama/ }).click();
      await page.waitForURL(/urut=name/);
      await waitForList(page);
      assert.equal(await table.locator('th[aria-sort="ascending"]').count(), 1);

      await page.goto(`/organisasi/perangkat-daerah/${encodeURIComponent(led.code)}`);
      const chart = page.getByTestId('org-chart');
      await chart.waitFor();
      const head = chart.locator(`[data-position-id="${led.head.position_id}"]`);
      await head.waitFor();
      assert.equal(await head.getAttribute('data-state'), 'acting');
      assert.match(await head.locator('[data-kind-mark]').first().innerText(), /^Pl[th]$/);
      if (led.head.holder) assert.match(await head.innerText(), new RegExp(led.head.holder.nip));

      // Fold every unit away and open them again.
      const units = chart.locator('.org-node');
      const unitCount = await units.count();
      assert.ok(unitCount >= 2, `${unitCount} units`);
      await page.getByRole('button', { name: 'Tutup semua' }).click();
      assert.equal(await chart.locator('.org-node__toggle[aria-expanded="true"]').count(), 0);
      assert.equal(await chart.locator('.org-node--collapsed').count(), unitCount);
      await page.getByRole('button', { name: 'Buka semua' }).click();
      assert.equal(await chart.locator('.org-node--collapsed').count(), 0);
      await screenshot(page, 'bagan-organisasi');

      // A chart with a vacancy: the agency with a vacant head.
      const vacant = agencies.items.find((agency) => agency.head?.state === 'vacant');
      if (vacant) {
        await page.goto(`/organisasi/perangkat-daerah/${encodeURIComponent(vacant.code)}`);
        const post = page.getByTestId('org-chart').locator(`[data-position-id="${vacant.head.position_id}"]`);
        await post.waitFor();
        assert.equal(await post.getAttribute('data-state'), 'vacant');
        await post.getByText('Kosong', { exact: true }).waitFor();
        await screenshot(page, 'bagan-organisasi-kosong');
      }
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('discipline list and the absence-rate chart (ECharts, SVG) under the strict CSP', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kehadiran' }).click();
      await page.waitForURL('**/kehadiran/disiplin');
      const table = page.getByTestId('discipline-table');
      await table.waitFor();
      await waitForList(page);
      const firstRow = table.locator('tbody tr').first();
      assert.match(await firstRow.innerText(), /Tingkat \d/);
      await screenshot(page, 'disiplin');

      await firstRow.getByRole('link').first().click();
      await page.waitForURL(/\/kehadiran\/pegawai\/\d+/);
      await page.getByTestId('attendance-months').waitFor();
      assert.ok((await statValue(page, 'attendance-summary', 'unexcused')) > 0);
      await screenshot(page, 'kehadiran-pegawai');

      await page.goto('/kehadiran/tingkat');
      const chart = page.getByTestId('trend-chart');
      await chart.locator('svg').waitFor();
      assert.ok((await chart.locator('svg path').count()) > 5, 'lines drawn');
      // The tooltip (drawn inside the SVG) on hover.
      const box = await chart.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(300);
      await screenshot(page, 'tingkat-ketidakhadiran');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('agency staff reads the own attendance under Kehadiran, and no one else\'s', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kehadiran' }).click();
      await page.waitForURL('**/kehadiran/saya');
      await page.getByRole('heading', { level: 1, name: 'Kehadiran Saya' }).waitFor();
      await page.getByTestId('attendance-months').waitFor();
      // The demo gives this person exactly 3 unexcused days this year: Teguran lisan (level 1).
      assert.equal(await statValue(page, 'attendance-summary', 'unexcused'), 3);
      await page.locator('.sanction[data-rank="1"]').waitFor();
      await screenshot(page, 'kehadiran-saya');
      await page.goto('/kehadiran/disiplin');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assertNoProblems(problems.filter((problem) => !/status of 403/.test(problem)));
    } finally {
      await context.close();
    }
  });

  test('agency staff sees no import page in the navigation and is refused at its address', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'staf.dinkes');
      const labels = await navLabels(page);
      assert.ok(!labels.includes('Impor Data'), labels.join(', '));
      assert.ok(labels.includes('Organisasi'), labels.join(', '));
      await page.goto('/organisasi/impor');
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/organisasi/impor');
      assert.equal(await page.getByLabel('Berkas (CSV atau XLSX)').count(), 0);

      // The own agency's vacancies are readable, without the appointment links.
      await page.goto('/organisasi/kekosongan');
      await page.getByTestId('vacancies-table').waitFor();
      await waitForList(page);
      assert.equal(await page.getByRole('link', { name: 'Angkat pejabat' }).count(), 0);
      assert.equal(await page.getByTestId('threshold').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
