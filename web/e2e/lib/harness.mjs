// Test harness for the browser tests: a real Sinergi server on a fresh SQLite database
// (one per test file), headless Debian Chromium through playwright-core, and helpers
// that record console errors and CSP violations.
import { spawn, execFile } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');
export const SINERGI_BINARY = process.env.SINERGI_BINARY || join(REPO_ROOT, 'build', 'dev', 'src', 'app', 'sinergi');
export const CHROMIUM = process.env.SINERGI_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOT_DIR = process.env.SINERGI_E2E_SCREENSHOTS || join(tmpdir(), 'sinergi-e2e-screenshots');
export const DEMO_PASSWORD = 'Sinergi-Demo-2026';

/**
 * Loads the demo data into a new database and starts `sinergi serve` on a free port.
 * Returns { url, stop(), output() }.
 */
export async function startServer() {
  assert.ok(existsSync(SINERGI_BINARY), `server binary not found: ${SINERGI_BINARY} (set SINERGI_BINARY)`);
  assert.ok(existsSync(join(WEB_DIST, 'index.html')), `no built web app in ${WEB_DIST} (run npm run build)`);
  const dir = await mkdtemp(join(tmpdir(), 'sinergi-e2e-'));
  const db = `sqlite://${join(dir, 'e2e.db')}`;
  try {
    await execFileAsync(SINERGI_BINARY, ['demo', '--db', db], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`sinergi demo failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }

  const child = spawn(SINERGI_BINARY, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', WEB_DIST], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  // Both streams are always drained so the server never blocks on a full pipe.
  child.stderr.on('data', keep);

  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${log}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal}):\n${log}`));
    });
  });

  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

// Responses the app expects and handles (signed out, refused, conflict, invalid input,
// throttled); Chromium still logs them as "Failed to load resource".
const EXPECTED_API_STATUS = /Failed to load resource: the server responded with a status of (401|403|409|422|429)\b/;

/**
 * A new browser context (own cookies and storage) with one page. Every console error,
 * uncaught exception and CSP violation is collected in `problems`.
 */
export async function openPage(browser, server, { viewport = { width: 1280, height: 900 }, locale = 'id-ID' } = {}) {
  const context = await browser.newContext({ baseURL: server.url, viewport, locale, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) {
      problems.push(`CSP violation: ${text}`);
      return;
    }
    if (message.type() !== 'error') return;
    const location = message.location()?.url ?? '';
    if (EXPECTED_API_STATUS.test(text) && location.startsWith(`${server.url}/api/`)) return;
    problems.push(`console error: ${text} (${location})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `browser reported problems:\n${problems.join('\n')}`);
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the form (submitted with Enter) and waits to leave /masuk. */
export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
  await page.waitForURL((url) => url.pathname !== '/masuk');
}

/** The labels of the main navigation, in order. */
export async function navLabels(page) {
  const nav = page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

export async function openUserMenu(page) {
  const toggle = page.getByTestId('user-menu');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

export async function logout(page) {
  await openUserMenu(page);
  await page.getByTestId('keluar').click();
  await page.waitForURL((url) => url.pathname === '/masuk');
}

// Gives a test file its own server (fresh database) and browser: started before the
// file's first test, stopped after its last. Read `suite.server` and `suite.browser`
// inside tests, once `before` has run.
export function useServerAndBrowser() {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
