// End-to-end test of the page of `newsgraph serve` in Debian's headless
// Chromium, driven by playwright-core (which never downloads a browser).
//
//   node tests/web/e2e.mjs URL SCREENSHOT.png
//
// URL is a running server over a store built from the seed corpus. Run by
// tests/web.rs; exits non-zero with the reason on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node tests/web/e2e.mjs URL SCREENSHOT.png');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15000;

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
  console.log(`ok: ${what}`);
}

/** Every console error and page exception, with the step it happened in. */
function watchConsole(page) {
  const errors = [];
  const state = { step: 'load', allow: null };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (state.allow && state.allow.test(msg.text())) return;
    errors.push(`[${state.step}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`[${state.step}] ${err.message}`));
  return { errors, state };
}

async function waitForView(page, view) {
  await page.click(`.views input[value="${view}"]`);
  await page.waitForSelector(`#graph[data-view="${view}"]`, { timeout: TIMEOUT });
  return page.evaluate(() => {
    const cy = window.newsgraph.graph();
    return { nodes: cy.nodes().length, edges: cy.edges().length, kinds: [...new Set(cy.nodes().map((n) => n.data('kind')))] };
  });
}

/** Runs the example titled like `title` with the Run button; returns header and rows. */
async function runExample(page, title) {
  const value = await page.$eval('#example', (sel, t) => [...sel.options].find((o) => o.text.startsWith(t)).value, title);
  await page.selectOption('#example', value);
  await page.click('#run');
  await page.waitForFunction(() => /rows? in/.test(document.getElementById('status').textContent), null, { timeout: TIMEOUT });
  return readTable(page);
}

function readTable(page) {
  return page.$eval('#results', (t) => ({
    header: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  }));
}

/** Clicks the most connected person where Cytoscape drew it (a real mouse click on the canvas). */
async function clickBusiestPerson(page) {
  const target = await page.evaluate(() => {
    const cy = window.newsgraph.graph();
    const people = cy.nodes('[kind = "Person"]').sort((a, b) => b.degree() - a.degree());
    const node = people[0];
    const box = document.getElementById('graph').getBoundingClientRect();
    let p = node.renderedPosition();
    const hidden = () => document.elementFromPoint(box.left + p.x, box.top + p.y)?.tagName !== 'CANVAS';
    if (hidden()) {
      cy.center(node); // under the legend or the Fit button: bring it to the middle
      p = node.renderedPosition();
    }
    return { label: node.data('label'), x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(target.x, target.y);
  return target.label;
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const { errors, state } = watchConsole(page);
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForSelector('#graph[data-view="who-said-what"]', { timeout: TIMEOUT });
    check(/\d+ articles/.test(await page.textContent('#store-summary')), 'the header counts the articles');

    state.step = 'who said what query';
    const quotes = await runExample(page, 'Who said what');
    check(quotes.header.includes('speaker') && quotes.header.includes('quote'), `the table has speaker and quote columns (${quotes.header})`);
    const [speaker, quote] = ['speaker', 'quote'].map((c) => quotes.header.indexOf(c));
    const full = quotes.rows.filter((r) => r[speaker].trim() && r[quote].trim());
    check(full.length >= 10, `the table has rows with a speaker and a quote (${full.length})`);

    state.step = 'Ctrl+Enter';
    await page.selectOption('#example', { label: 'Roles: person, role, organization' });
    await page.focus('#sparql');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('#results th:nth-child(2)')?.textContent === 'person', null, { timeout: TIMEOUT });
    check((await readTable(page)).rows.length > 0, 'Ctrl+Enter runs the query in the box');

    state.step = 'escaping';
    await page.fill('#sparql', 'SELECT ?text WHERE { BIND("<b id=\\"x\\">bold</b> & co" AS ?text) }');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#results td:nth-child(2)')?.textContent.includes('&'), null, { timeout: TIMEOUT });
    const cell = await page.$eval('#results td:nth-child(2)', (td) => ({ text: td.textContent, elements: td.children.length }));
    check(cell.text === '<b id="x">bold</b> & co' && cell.elements === 0, 'results are shown as text, never as HTML');

    state.step = 'bad query';
    state.allow = /status of 400/; // Chromium logs every 4xx response; this one is expected
    await page.fill('#sparql', 'SELECT ?x WHERE { ?x }');
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])', { timeout: TIMEOUT });
    check((await page.textContent('#error')).trim().length > 0 && (await page.textContent('#status')).includes('400'), 'a bad query shows the server\'s error');
    state.allow = null;

    state.step = 'views';
    const roles = await waitForView(page, 'roles');
    check(roles.edges > 0 && roles.kinds.includes('Person') && roles.kinds.includes('Organization'), `the roles view links people to organizations (${roles.nodes} nodes)`);
    const exports = await waitForView(page, 'exports');
    check(exports.edges > 0 && exports.kinds.includes('Country') && exports.kinds.includes('Substance'), `the exports view links countries to products (${exports.nodes} nodes)`);
    const stats = await waitForView(page, 'statistics');
    check(stats.edges > 0 && stats.kinds.includes('Statistic'), `the statistics view links figures to sources (${stats.nodes} nodes)`);
    const said = await waitForView(page, 'who-said-what');
    check(said.edges > 0 && said.kinds.includes('Quote'), `the who-said-what view links speakers to quotes (${said.nodes} nodes)`);

    state.step = 'click a node';
    const label = await clickBusiestPerson(page);
    await page.waitForSelector('#panel-body .evidence', { timeout: TIMEOUT });
    const panel = await page.$eval('#panel-body', (p) => ({
      name: p.querySelector('.panel-name')?.textContent,
      sentences: [...p.querySelectorAll('.evidence')].map((e) => e.textContent),
      files: [...p.querySelectorAll('.file')].map((f) => f.textContent),
    }));
    check(panel.name === label, `the side panel is about the clicked node (${label})`);
    check(panel.sentences.length > 0 && panel.sentences.every((s) => s.trim().length > 20), `the side panel shows evidence sentences (${panel.sentences.length})`);
    check(panel.files.every((f) => /\.(txt|html?|md)$/.test(f)), 'each fact names its article file');

    state.step = 'screenshot';
    await runExample(page, 'Who said what');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);

    check(errors.length === 0, `no console errors${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});
