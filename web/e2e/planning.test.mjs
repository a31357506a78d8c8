// The planning cascade (issue 5): the planner builds a small cascade in a new draft plan
// through the UI (mission aligned to a national priority, goal, objective, an agency
// objective of Dinkes, a programme with an indicator) and finds it in the performance
// tree; breaking a link shows in the alignment report and among the unplaced nodes; the
// server's field messages and a refused delete's dependants are shown; an agency head
// reads but does not create plans; the demo plan and its deliberate misalignments; and a
// revision proposed by the planner and approved by the governor adds a plan version. The
// plan import (a dry run that reports a row's error, then a clean commit that shows in the
// tree), the national nomenclature list and its suggestions in the node form.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, login, navLabels, openPage, screenshot, useServerAndBrowser } from './lib/harness.mjs';

const suite = useServerAndBrowser();

/** GET of a JSON endpoint with the page's session (for choosing test data only). */
async function apiGet(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path);
}

/** The number shown in a stat of an import report. */
async function statValue(page, container, stat) {
  const text = await page.getByTestId(container).locator(`[data-stat="${stat}"] .stat__value`).innerText();
  return Number(text.replace(/\D/g, ''));
}

async function waitForLoaded(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=loading]'));
}

/** The value of the option of a select whose label starts with the text. */
async function optionValue(page, selector, startsWith) {
  const select = page.locator(selector);
  await select.locator('option').filter({ hasText: startsWith }).first().waitFor({ state: 'attached' });
  return select.evaluate((element, text) => {
    const option = [...element.options].find((item) => item.textContent.trim().startsWith(text));
    return option ? option.value : null;
  }, startsWith);
}

/** Searches a NodeSearchSelect (id) for the code and waits until the node is chosen. */
async function chooseNode(page, id, code) {
  await page.locator(`#${id}-cari`).fill(code);
  await page.locator(`#${id}-cari`).press('Enter');
  await page.waitForFunction(
    ([selectId, wanted]) => {
      const select = document.getElementById(selectId);
      const option = select?.selectedOptions?.[0];
      return Boolean(option && option.value && option.textContent.trim().startsWith(`${wanted} —`));
    },
    [id, code],
    { timeout: 10_000 },
  ).catch(async () => {
    // Several matches (the code is a prefix of others): pick the exact one.
    const value = await optionValue(page, `#${id}`, `${code} —`);
    assert.ok(value, `node ${code} among the search results of #${id}`);
    await page.locator(`#${id}`).selectOption(value);
  });
}

/** Adds a node through the form of the plan's Simpul tab; returns the new node's id. */
async function addNode(page, planId, { kind, code, title, parent, agency }) {
  await page.goto(`/perencanaan/${planId}/simpul`);
  await page.getByTestId('nodes-table').waitFor();
  const create = page.getByTestId('node-create');
  await create.locator('summary').click();
  await page.locator('#simpul-jenis').selectOption(kind);
  if (agency) {
    const value = await optionValue(page, '#simpul-opd', `${agency} —`);
    assert.ok(value, `agency ${agency} in the select`);
    await page.locator('#simpul-opd').selectOption(value);
  }
  if (parent) await chooseNode(page, 'simpul-induk', parent);
  await page.locator('#simpul-kode').fill(code);
  await page.locator('#simpul-nama').fill(title);
  await create.getByRole('button', { name: 'Tambah simpul' }).click();
  await page.waitForURL(/\/perencanaan\/simpul\/\d+$/);
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  await page.getByTestId('node-message').getByText('Simpul ditambahkan.').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** On a node page: aligns it to the node with the code. */
async function addLink(page, code) {
  const form = page.getByTestId('link-add');
  await chooseNode(page, 'tautan-tujuan', code);
  await form.getByRole('button', { name: 'Tambah keselarasan' }).click();
  await page.getByTestId('node-message').getByText('Keselarasan ditambahkan.').waitFor();
  await page.getByTestId('links-out').getByRole('link', { name: code, exact: true }).waitFor();
}

const PLAN_TITLE = 'RPJMD Uji Kaskade E2E 2030-2034';
const state = { planId: 0, nodes: {} };

describe('planning cascade', () => {
  test('the planner builds a cascade in a new draft plan and finds it in the performance tree', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      assert.ok((await navLabels(page)).includes('Perencanaan'));
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Perencanaan' }).click();
      await page.waitForURL('**/perencanaan');
      await page.getByTestId('plans-table').waitFor();

      const create = page.getByTestId('plan-create');
      await create.locator('summary').click();
      await page.locator('#rencana-jenis').selectOption('rpjmd');
      await page.locator('#rencana-judul').fill(PLAN_TITLE);
      await page.locator('#rencana-awal').fill('2030');
      await page.locator('#rencana-akhir').fill('2034');
      await page.locator('#rencana-visi').fill('Visi uji kaskade');
      await create.getByRole('button', { name: 'Buat rencana' }).click();
      await page.waitForURL(/\/perencanaan\/\d+$/);
      state.planId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
      assert.match(await page.getByTestId('plan-status').innerText(), /Rancangan/);

      // Mission aligned to the national priority AC-4.
      state.nodes.mission = await addNode(page, state.planId, { kind: 'region_mission', code: 'M1', title: 'Misi Uji Kaskade' });
      await addLink(page, 'AC-4');
      // Goal and objective below it.
      state.nodes.goal = await addNode(page, state.planId, { kind: 'region_goal', code: 'T1.1', title: 'Tujuan Uji Kaskade', parent: 'M1' });
      state.nodes.objective = await addNode(page, state.planId, {
        kind: 'region_objective',
        code: 'S1.1.1',
        title: 'Sasaran Uji Kaskade',
        parent: 'T1.1',
      });
      // Dinkes' agency objective aligned to the objective.
      state.nodes.agencyObjective = await addNode(page, state.planId, {
        kind: 'agency_objective',
        code: 'SO-DINKES-1',
        title: 'Sasaran Dinkes Uji Kaskade',
        agency: 'Dinkes',
      });
      await addLink(page, 'S1.1.1');
      // The programme aligned to the agency objective.
      state.nodes.program = await addNode(page, state.planId, {
        kind: 'program',
        code: '1.02.02',
        title: 'Program Pemenuhan Upaya Kesehatan Uji Kaskade',
        agency: 'Dinkes',
      });
      await addLink(page, 'SO-DINKES-1');

      // An indicator with targets (a value, a range), typed with decimal commas.
      const add = page.getByTestId('indicator-add');
      await add.locator('summary').click();
      await page.locator('#indikator-baru-nama').fill('Cakupan Layanan Kesehatan Uji');
      await page.locator('#indikator-baru-satuan').fill('persen');
      await page.locator('#indikator-baru-polaritas').selectOption('higher_is_better');
      await page.locator('#indikator-baru-varian').selectOption('ratio');
      await page.locator('#indikator-baru-agregasi').selectOption('last');
      await page.locator('#indikator-baru-baseline-tahun').fill('2029');
      await page.locator('#indikator-baru-baseline-nilai').fill('70,25');
      await page.locator('#indikator-baru-target-2030').fill('72,5');
      await page.locator('#indikator-baru-target-2031-rentang').check();
      await page.locator('#indikator-baru-target-2031-bawah').fill('74');
      await page.locator('#indikator-baru-target-2031-atas').fill('75,5');
      await page.locator('#indikator-baru-target-2034').fill('80');
      await page.locator('#indikator-baru-sumber-jenis').selectOption('agency');
      await page.locator('#indikator-baru-sumber-nama').fill('Dinas Kesehatan');
      await add.getByRole('button', { name: 'Tambah indikator' }).click();
      await page.getByTestId('node-message').getByText(/Indikator Cakupan Layanan Kesehatan Uji ditambahkan/).waitFor();
      const row = page.getByTestId('indicators-table').locator('tbody tr').filter({ hasText: 'Cakupan Layanan Kesehatan Uji' });
      assert.equal((await row.locator('[data-target-year="2030"]').innerText()).trim(), '72,5');
      assert.equal((await row.locator('[data-target-year="2031"]').innerText()).trim(), '74–75,5');
      assert.match(await row.innerText(), /70,25/);
      await screenshot(page, 'perencanaan-program');

      // The performance tree: the search finds the programme and opens the path to it.
      await page.goto(`/perencanaan/${state.planId}`);
      await page.getByTestId('plan-tree').waitFor();
      await page.locator('#pohon-cari').fill('1.02.02');
      await page.locator('#pohon-cari').press('Enter');
      await page.waitForURL(/cari=1\.02\.02/);
      await page.getByTestId('tree-search-result').waitFor();
      const tree = page.getByTestId('plan-tree');
      const programNode = tree.locator('li.plan-node[data-node-code="1.02.02"]').first();
      await programNode.waitFor();
      assert.match(await programNode.getAttribute('class'), /plan-node--match/);
      await programNode.locator('mark').first().waitFor();
      for (const code of ['M1', 'T1.1', 'S1.1.1', 'SO-DINKES-1']) {
        const node = tree.locator(`li.plan-node[data-node-code="${code}"]`).first();
        await node.waitFor();
        assert.equal(await node.locator(':scope > .plan-node__head > .plan-node__toggle').getAttribute('aria-expanded'), 'true', `${code} open`);
      }
      // The indicator chip shows the nearest year's target.
      assert.match(await programNode.locator('.chip').first().innerText(), /Cakupan Layanan Kesehatan Uji/);
      await screenshot(page, 'perencanaan-pohon-cari');

      // Collapse and expand all.
      await page.getByTestId('tree-collapse-all').click();
      assert.equal(await tree.locator('li.plan-node[data-node-code="1.02.02"]').count(), 0);
      await page.getByTestId('tree-expand-all').click();
      await tree.locator('li.plan-node[data-node-code="1.02.02"]').first().waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('deleting the programme link shows an unaligned programme and an unplaced node', async () => {
    assert.ok(state.nodes.program, 'the first test built the cascade');
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto(`/perencanaan/simpul/${state.nodes.program}`);
      const links = page.getByTestId('links-out');
      await links.waitFor();
      await links.getByRole('button', { name: 'Hapus' }).click();
      await links.getByRole('button', { name: 'Ya' }).click();
      await page.getByTestId('node-message').getByText('Keselarasan ke SO-DINKES-1 dihapus.').waitFor();
      assert.equal(await page.getByTestId('links-out').count(), 0);

      await page.goto(`/perencanaan/${state.planId}/keselarasan`);
      await page.getByTestId('findings-table').waitFor();
      await waitForLoaded(page);
      const chip = page.getByTestId('finding-chips').locator('[data-finding-kind="unaligned_program"]');
      assert.ok(Number((await chip.locator('.chip__count').innerText()).replace(/\D/g, '')) >= 1);
      await chip.click();
      await page.waitForURL(/jenis=unaligned_program/);
      await waitForLoaded(page);
      const finding = page.getByTestId('findings-table').locator('tbody tr').filter({ hasText: '1.02.02' });
      await finding.first().waitFor();
      assert.match(await finding.first().innerText(), /Program tidak selaras/);
      assert.match(await finding.first().innerText(), /Dinkes/);
      await screenshot(page, 'perencanaan-keselarasan');

      await page.getByRole('link', { name: 'Pohon kinerja' }).click();
      await page.waitForURL(new RegExp(`/perencanaan/${state.planId}$`));
      const unplaced = page.getByTestId('unplaced');
      await unplaced.waitFor();
      assert.match(await unplaced.innerText(), /Tidak terhubung ke visi/);
      await unplaced.locator('li.plan-node[data-node-code="1.02.02"]').waitFor();
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('bad input: the server message next to the code, and the dependants of a refused delete', async () => {
    assert.ok(state.nodes.mission, 'the first test built the cascade');
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto(`/perencanaan/${state.planId}/simpul`);
      await page.getByTestId('nodes-table').waitFor();
      const create = page.getByTestId('node-create');
      await create.locator('summary').click();
      await page.locator('#simpul-jenis').selectOption('program');
      await page.locator('#simpul-opd').selectOption(await optionValue(page, '#simpul-opd', 'Dinkes —'));
      await page.locator('#simpul-kode').fill('1.2.3');
      await page.locator('#simpul-nama').fill('Program Kode Salah');
      await create.getByRole('button', { name: 'Tambah simpul' }).click();
      const codeError = page.locator('#simpul-kode-error');
      await codeError.waitFor();
      assert.ok((await codeError.innerText()).trim().length > 0, 'the server explains the code');
      assert.notEqual((await codeError.innerText()).trim(), 'Wajib diisi.');
      assert.equal(await page.locator('#simpul-kode').getAttribute('aria-invalid'), 'true');
      assert.match(new URL(page.url()).pathname, /\/simpul$/);

      // The mission has the goal T1.1 below it: the delete is refused and names it.
      await page.goto(`/perencanaan/simpul/${state.nodes.mission}`);
      await page.getByTestId('node-details').waitFor();
      await page.getByRole('button', { name: 'Hapus simpul' }).click();
      await page.getByRole('button', { name: 'Ya' }).click();
      const dependants = page.getByTestId('dependants');
      await dependants.waitFor();
      const goalLink = dependants.getByRole('link', { name: 'T1.1', exact: true });
      await goalLink.waitFor();
      assert.equal(await goalLink.getAttribute('href'), `/perencanaan/simpul/${state.nodes.goal}`);
      assert.match(new URL(page.url()).pathname, new RegExp(`/perencanaan/simpul/${state.nodes.mission}$`));
      await screenshot(page, 'perencanaan-tanggungan');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('an agency head reads the tree but may not create plans', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'kadis.dinkes');
      await page.goto('/perencanaan');
      await page.getByTestId('plans-table').waitFor();
      assert.equal(await page.getByTestId('plan-create').count(), 0);
      assert.equal(await page.getByText('Rencana baru').count(), 0);
      const demo = page.getByTestId('plans-table').getByRole('link', { name: /Kalimantan Timur/ }).first();
      await demo.click();
      await page.waitForURL(/\/perencanaan\/\d+$/);
      await page.getByTestId('plan-tree').waitFor();
      assert.ok((await page.getByTestId('plan-tree').locator('li.plan-node').count()) > 0);
      // The versions tab offers neither adoption nor a revision proposal.
      await page.getByRole('link', { name: 'Versi dan revisi' }).click();
      await page.getByTestId('versions-table').waitFor();
      assert.equal(await page.getByTestId('propose-revision').count(), 0);
      assert.equal(await page.getByTestId('adopt').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the demo plan exists and its alignment report has findings', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto('/perencanaan');
      const demo = page.getByTestId('plans-table').getByRole('link', { name: /Kalimantan Timur/ }).first();
      await demo.waitFor();
      await demo.click();
      await page.waitForURL(/\/perencanaan\/\d+$/);
      await page.getByTestId('plan-tree').waitFor();
      await screenshot(page, 'perencanaan-pohon-demo');
      await page.getByRole('link', { name: 'Laporan keselarasan' }).click();
      await page.waitForURL(/\/keselarasan$/);
      await page.getByTestId('findings-table').waitFor();
      await waitForLoaded(page);
      const rows = page.getByTestId('findings-table').locator('tbody tr:not(:has(.table__empty))');
      assert.ok((await rows.count()) > 0, 'the demo has findings');
      const total = await page.getByTestId('finding-chips').locator('.chip__count').first().innerText();
      assert.ok(Number(total.replace(/\D/g, '')) > 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the governor approves a revision the planner proposed, and the version list grows', async () => {
    const planner = await openPage(suite.browser, suite.server);
    let demoId = 0;
    let versionsBefore = 0;
    const reason = `Revisi uji E2E ${Date.now()}`;
    try {
      const { page } = planner;
      await login(page, 'bapperida');
      const plans = await apiGet(page, '/api/v1/plans');
      const demo = plans.items.find((plan) => /Kalimantan Timur/.test(plan.title) && plan.status === 'adopted');
      assert.ok(demo, 'an adopted demo plan');
      demoId = demo.id;
      await page.goto(`/perencanaan/${demoId}/versi`);
      await page.getByTestId('versions-table').waitFor();
      await waitForLoaded(page);
      versionsBefore = await page.getByTestId('versions-table').locator('tbody tr [data-version]').count();
      assert.ok(versionsBefore >= 1);

      // On the adopted plan an indicator stays editable, its targets only read: saving
      // keeps them (the server refuses a change of targets outside a revision).
      const tree = await apiGet(page, `/api/v1/plans/${demoId}/tree`);
      const withIndicator = tree.nodes.find((node) => node.indicators.some((item) => item.targets.length > 0));
      assert.ok(withIndicator, 'a demo node with an indicator that has targets');
      const edited = withIndicator.indicators.find((item) => item.targets.length > 0);
      await page.goto(`/perencanaan/simpul/${withIndicator.id}`);
      const indicatorRow = page.getByTestId('indicators-table').locator(`tr[data-indicator-id="${edited.id}"]`);
      await indicatorRow.getByRole('button', { name: 'Ubah' }).click();
      await page.getByTestId(`indikator-${edited.id}-targets`).getByTestId('targets-readonly').waitFor();
      assert.equal(await page.locator(`#indikator-${edited.id}-target-${edited.targets[0].year}`).count(), 0);
      await page.locator(`#indikator-${edited.id}-formula`).fill('rumus diperbarui oleh uji E2E');
      await page.getByRole('button', { name: 'Simpan', exact: true }).last().click();
      await page.getByTestId('node-message').getByText(/disimpan/).waitFor();
      const after = await apiGet(page, `/api/v1/indicators/${edited.id}`);
      assert.equal(after.formula_text, 'rumus diperbarui oleh uji E2E');
      assert.deepEqual(after.targets.map((target) => target.year), edited.targets.map((target) => target.year));

      await page.goto(`/perencanaan/${demoId}/versi`);
      await page.getByTestId('versions-table').waitFor();
      await waitForLoaded(page);
      const form = page.getByTestId('propose-revision');
      await form.locator('summary').click();
      await page.locator('#revisi-alasan').fill(reason);
      const indicator = form.locator('select[id$="-indikator"]').first();
      await page.waitForFunction(() => (document.querySelector('[data-testid=propose-revision] select[id$="-indikator"]')?.options.length ?? 0) > 1);
      const firstIndicator = await indicator.evaluate((element) => element.options[1].value);
      await indicator.selectOption(firstIndicator);
      const year = form.locator('select[id$="-tahun"]').first();
      await year.selectOption({ index: 1 });
      await form.locator('input[id$="-nilai"]').first().fill('91,25');
      await form.getByRole('button', { name: 'Kirim usulan' }).click();
      await page.getByTestId('plan-message').getByText('Usulan revisi dikirim.').waitFor();
      const proposed = page.getByTestId('revisions').locator('li.revision').filter({ hasText: reason });
      await proposed.waitFor();
      assert.equal(await proposed.getAttribute('data-status'), 'proposed');
      assert.match(await proposed.innerText(), /91,25/);
      // The planner may not approve.
      assert.equal(await proposed.getByRole('button', { name: 'Setujui' }).count(), 0);
      assertNoProblems(planner.problems);
    } finally {
      await planner.context.close();
    }

    const governor = await openPage(suite.browser, suite.server);
    try {
      const { page } = governor;
      await login(page, 'gubernur');
      await page.goto(`/perencanaan/${demoId}/versi`);
      await page.getByTestId('versions-table').waitFor();
      const revision = page.getByTestId('revisions').locator('li.revision').filter({ hasText: reason });
      await revision.waitFor();
      assert.equal(await page.getByTestId('propose-revision').count(), 0);
      await revision.getByRole('button', { name: 'Setujui' }).click();
      await revision.getByRole('button', { name: 'Ya, setujui' }).click();
      await page.getByTestId('plan-message').getByText(/Revisi disetujui/).waitFor();
      await page.waitForFunction(
        (before) => document.querySelectorAll('[data-testid=versions-table] tbody tr [data-version]').length > before,
        versionsBefore,
      );
      const approved = page.getByTestId('revisions').locator('li.revision').filter({ hasText: reason });
      assert.equal(await approved.getAttribute('data-status'), 'approved');
      // The newest version shows the indicators and targets it holds.
      const newest = await page.evaluate(() =>
        Math.max(...[...document.querySelectorAll('[data-testid=versions-table] [data-version]')].map((button) => Number(button.dataset.version))),
      );
      await page.locator(`[data-version="${newest}"]`).click();
      await page.getByTestId('version-detail').waitFor();
      assert.match(await page.getByTestId('version-detail').innerText(), /91,25/);
      await screenshot(page, 'perencanaan-versi');
      assertNoProblems(governor.problems);
    } finally {
      await governor.context.close();
    }
  });

  test('the planner imports nodes: the dry run reports the bad row, the corrected file is committed', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      const plans = await apiGet(page, '/api/v1/plans');
      const demo = plans.items.find((plan) => /Kalimantan Timur/.test(plan.title));
      assert.ok(demo, 'the demo plan');
      const missionsBefore = (await apiGet(page, `/api/v1/plans/${demo.id}`)).counts.missions;

      await page.goto(`/perencanaan/${demo.id}`);
      await page.getByTestId('plan-tree').waitFor();
      await page.getByRole('navigation', { name: 'Halaman rencana' }).getByRole('link', { name: 'Impor', exact: true }).click();
      await page.waitForURL(new RegExp(`/perencanaan/${demo.id}/impor$`));
      await page.getByTestId('plan-import').waitFor();
      await page.getByLabel('Jenis data').selectOption('nodes');
      const columns = page.getByTestId('import-columns');
      for (const column of ['kind', 'code', 'title', 'parent_code', 'agency_code']) {
        await columns.getByText(column, { exact: true }).waitFor();
      }

      // Row 2 is a new mission, row 3 a goal under a mission that exists nowhere.
      const header = 'kind,code,title,parent_code,agency_code';
      const mission = 'region_mission,M9,Misi uji impor,,';
      const file = page.getByLabel('Berkas (CSV atau XLSX)');
      await file.setInputFiles({
        name: 'simpul-uji.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, mission, 'region_goal,T9.1,Tujuan tanpa induk,M99,'].join('\r\n') + '\r\n'),
      });
      const dryRun = page.waitForRequest((request) => request.url().includes(`/api/v1/plans/${demo.id}/imports/nodes?mode=dry_run`));
      await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
      const request = await dryRun;
      assert.equal(request.method(), 'POST');
      assert.equal(request.headers()['content-type'], 'text/csv');
      assert.equal(request.headers()['x-file-name'], 'simpul-uji.csv');
      assert.ok(request.headers()['x-csrf-token'], 'CSRF header');
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const parentError = errors.locator('tbody tr[data-row="3"][data-column="parent_code"]');
      await parentError.waitFor();
      assert.match(await parentError.innerText(), /M99/);
      assert.equal(await errors.locator('tbody tr').count(), 1, await errors.innerText());
      assert.equal(await statValue(page, 'import-report', 'errors'), 1);
      assert.equal(await statValue(page, 'import-report', 'rows'), 2);
      assert.ok(await page.getByTestId('import-commit').isDisabled(), 'Simpan is disabled after a dry run with errors');
      await screenshot(page, 'perencanaan-impor-kesalahan');

      // The corrected file: the goal under the new mission M9.
      await file.setInputFiles({
        name: 'simpul-uji.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, mission, 'region_goal,T9.1,Tujuan uji impor,M9,'].join('\r\n') + '\r\n'),
      });
      assert.equal(await page.getByTestId('import-report').count(), 0, 'a new file needs a new dry run');
      assert.ok(await page.getByTestId('import-commit').isDisabled());
      await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
      await page.getByTestId('import-outcome').getByText('Tidak ada kesalahan').waitFor();
      assert.equal(await statValue(page, 'import-report', 'created'), 2);
      assert.ok(await page.getByTestId('import-commit').isEnabled());
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-outcome').getByText(/^Tersimpan/).waitFor();
      assert.equal(await statValue(page, 'import-report', 'created'), 2);
      assert.ok(await page.getByTestId('import-commit').isDisabled(), 'no second commit of the same file');
      // The plan's counts are read again after the commit.
      await page.waitForFunction(
        (expected) =>
          [...document.querySelectorAll('.plan-counts li')].some(
            (item) => /misi/.test(item.textContent ?? '') && item.querySelector('strong')?.textContent?.replace(/\D/g, '') === String(expected),
          ),
        missionsBefore + 1,
      );
      await screenshot(page, 'perencanaan-impor-tersimpan');

      // The tree shows the new mission and the goal below it.
      await page.getByRole('navigation', { name: 'Halaman rencana' }).getByRole('link', { name: 'Pohon kinerja' }).click();
      await page.getByTestId('plan-tree').waitFor();
      await page.locator('#pohon-cari').fill('Misi uji impor');
      await page.locator('#pohon-cari').press('Enter');
      await page.getByTestId('tree-search-result').waitFor();
      const node = page.getByTestId('plan-tree').locator('li.plan-node[data-node-code="M9"]').first();
      await node.waitFor();
      assert.match(await node.innerText(), /Misi uji impor/);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the governor, who may not change the plan, has no import tab and is refused at its address', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'gubernur');
      const plans = await apiGet(page, '/api/v1/plans');
      const demo = plans.items.find((plan) => /Kalimantan Timur/.test(plan.title));
      await page.goto(`/perencanaan/${demo.id}`);
      await page.getByTestId('plan-tree').waitFor();
      const tabs = page.getByRole('navigation', { name: 'Halaman rencana' });
      await tabs.getByRole('link', { name: 'Pohon kinerja' }).waitFor();
      assert.equal(await tabs.getByRole('link', { name: 'Impor', exact: true }).count(), 0);
      await page.goto(`/perencanaan/${demo.id}/impor`);
      await page.getByTestId('akses-ditolak').waitFor();
      assert.equal(await page.getByTestId('plan-import').count(), 0);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('the nomenclature list: search, level filter and export; the import only for the administrator', async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto('/perencanaan');
      await page.getByTestId('plans-table').waitFor();
      await page.locator('[data-section-nav="nomenklatur"]').click();
      await page.waitForURL('**/perencanaan/nomenklatur');
      await page.getByRole('heading', { level: 1, name: 'Nomenklatur' }).waitFor();
      await page.getByTestId('nomenclature-table').waitFor();
      await waitForLoaded(page);
      assert.equal(await page.getByTestId('nomenclature-import').count(), 0, 'the import is the administrator\'s');

      await page.locator('#nomenklatur-cari').fill('kesehatan');
      await page.locator('#nomenklatur-cari').press('Enter');
      await page.waitForURL(/cari=kesehatan/);
      await waitForLoaded(page);
      const table = page.getByTestId('nomenclature-table');
      await table.locator('[data-code="1.02.02"]').waitFor();
      assert.ok((await table.locator('tbody tr:not(:has(.table__empty))').count()) > 1);

      await page.getByLabel('Tingkat').selectOption('program');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL(/tingkat=program/);
      await waitForLoaded(page);
      await table.locator('[data-code="1.02.02"]').waitFor();
      const levels = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
      assert.ok(levels.length > 0 && levels.every((text) => text.trim() === 'Program'), levels.join(', '));
      await screenshot(page, 'perencanaan-nomenklatur');

      const downloading = page.waitForEvent('download');
      const exportRequest = page.waitForRequest((request) => request.url().includes('/api/v1/nomenclature/export'));
      await page.getByRole('button', { name: 'Ekspor CSV' }).click();
      const url = new URL((await exportRequest).url());
      assert.equal(url.searchParams.get('format'), 'csv');
      assert.equal(url.searchParams.get('search'), 'kesehatan');
      assert.equal(url.searchParams.get('level'), 'program');
      const download = await downloading;
      assert.match(download.suggestedFilename(), /\.csv$/);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }

    const admin = await openPage(suite.browser, suite.server);
    try {
      const { page } = admin;
      await login(page, 'admin');
      await page.goto('/perencanaan/nomenklatur');
      const panel = page.getByTestId('nomenclature-import');
      await panel.locator('summary').click();
      await panel.getByTestId('import-columns').getByText('performance', { exact: true }).waitFor();
      assert.equal(await panel.getByLabel('Jenis data').count(), 0, 'the kind is fixed');
      await panel.getByLabel('Berkas (CSV atau XLSX)').setInputFiles({
        name: 'nomenklatur-uji.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,name,performance,indicator,unit\r\n1.02.02.1.99,Kegiatan Uji Nomenklatur,Meningkatnya uji,Persentase uji,persen\r\n'),
      });
      await panel.getByRole('button', { name: 'Periksa (uji coba)' }).click();
      await panel.getByTestId('import-outcome').getByText('Tidak ada kesalahan').waitFor();
      await panel.getByTestId('import-commit').click();
      await panel.getByTestId('import-outcome').getByText(/^Tersimpan/).waitFor();
      await page.locator('#nomenklatur-cari').fill('Kegiatan Uji Nomenklatur');
      await page.locator('#nomenklatur-cari').press('Enter');
      await page.getByTestId('nomenclature-table').locator('[data-code="1.02.02.1.99"]').waitFor();
      assertNoProblems(admin.problems);
    } finally {
      await admin.context.close();
    }
  });

  test('the node form suggests nomenclature codes, and the SPM service is chosen from the list', async () => {
    assert.ok(state.nodes.program, 'the first test built the cascade');
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    try {
      await login(page, 'bapperida');
      await page.goto(`/perencanaan/${state.planId}/simpul`);
      await page.getByTestId('nodes-table').waitFor();
      const create = page.getByTestId('node-create');
      await create.locator('summary').click();
      await page.locator('#simpul-jenis').selectOption('program');
      await page.locator('#simpul-kode').fill('1.02.0');
      const suggestions = page.getByTestId('simpul-nomenklatur');
      const suggestion = suggestions.locator('button[data-code="1.02.02"]');
      await suggestion.waitFor();
      await screenshot(page, 'perencanaan-saran-nomenklatur');
      await suggestion.click();
      assert.equal(await page.locator('#simpul-kode').inputValue(), '1.02.02');
      assert.match(await page.locator('#simpul-nama').inputValue(), /PEMENUHAN UPAYA KESEHATAN/i);
      assert.equal(await suggestions.locator('button').count(), 0, 'the list closes after a choice');
      // Typing a name searches names.
      await page.locator('#simpul-nama').fill('pengelolaan pendidikan');
      await suggestions.locator('button[data-code="1.01.02"]').waitFor();

      await page.goto(`/perencanaan/simpul/${state.nodes.program}`);
      const add = page.getByTestId('indicator-add');
      await add.locator('summary').click();
      const spm = page.locator('#indikator-baru-spm');
      await page.waitForFunction(() => document.querySelectorAll('#indikator-baru-spm optgroup option').length > 0);
      const service = await spm.locator('optgroup[label="Kesehatan"] option').first().getAttribute('value');
      assert.ok(service, 'an SPM service of the health area');
      await spm.selectOption(service);
      assert.equal(await spm.locator('option').first().innerText(), 'Tidak ada');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
