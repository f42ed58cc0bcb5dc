// The desk in a real headless Chromium (Debian's, driven by playwright-core) against the real
// service on real Postgres: one browser and one page for the whole run. Screenshots of every view
// go to test/desk/artifacts/ (git-ignored); DESK_UPDATE_DOCS_IMAGE=1 also writes the README's
// docs/images/desk-article.png.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import t from 'tap';
import { createEmptyPostgresDatabase, storageKinds } from '../helpers/database.js';
import { wireStory } from '../helpers/fixtures.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { openDatabase } from '../../src/db/database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(root, 'test/desk/artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const KEY = `na_desk${'e2e'.repeat(12)}`;

interface QuoteBody {
  id: string;
  version: number;
  start: number;
  end: number;
  kind: string;
  text: string;
  speaker: { id: string; type: string; canonicalName: string } | null;
  provenance: { reviewStatus: string };
}
interface EntityBody {
  id: string;
  type: string;
  canonicalName: string;
  mentions: { id: string; start: number; end: number }[];
}
interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

if (!storageKinds().includes('postgres')) {
  t.pass('the desk runs against Postgres only (TEST_STORAGE=embedded)');
} else if (!existsSync(CHROMIUM) && !process.env.CI) {
  t.test(`the desk in headless Chromium: no ${CHROMIUM} (apt-get install -y chromium; CI installs it)`, { skip: true }, async () => {});
} else {
  t.test('the desk in headless Chromium against the service on Postgres', async (t) => {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-desk.ts'], { cwd: root, encoding: 'utf8' });
    t.equal(build.status, 0, `the desk builds: ${build.stdout}${build.stderr}`);
    t.match(build.stdout, /JavaScript [\d.]+ KB gzipped of a 150 KB budget: ok/, 'its JavaScript is under 150 KB gzipped');
    t.comment(build.stdout.trim().split('\n').at(-1) ?? '');

    const { url, drop } = await createEmptyPostgresDatabase();
    const database = await openDatabase({ databaseUrl: url });
    await database.migrate();
    await database.close();
    const server: ServerProcess = await startServerProcess({ DATABASE_URL: url, ADMIN_API_KEY: KEY, LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0' });
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    t.teardown(async () => {
      await browser.close();
      await server.stop();
      await drop();
    });
    mkdirSync(artifacts, { recursive: true });

    const base = server.baseUrl;
    const api = async (method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: res.status, body: (res.status === 204 ? null : await res.json()) as any };
    };
    const created = await api('POST', '/v1/articles', wireStory);
    t.equal(created.status, 201, 'the fixture is ingested');
    const articleId = created.body.id as string;
    const quotes = async () => (await api('GET', `/v1/articles/${articleId}/quotes?limit=500`)).body.items as QuoteBody[];
    const entities = async () => (await api('GET', `/v1/articles/${articleId}/entities?limit=500`)).body.items as EntityBody[];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    const cspViolations: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Cumulative layout shift of each page load, recorded by the browser.
    await page.addInitScript(`window.__cls = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`);
    const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const audit = async (view: string) => {
      // evaluate() is not subject to the page's Content-Security-Policy, which stays on.
      if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
      const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResult;
      const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      t.same(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`),
        [],
        `axe-core: no serious or critical violation on the ${view}`,
      );
      t.comment(`axe ${view}: ${result.violations.length} violations in all (${result.violations.map((v) => `${v.id}/${v.impact}`).join(', ') || 'none'})`);
    };
    const shoot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
    /** Selects the article text between two code-point offsets, as a mouse drag would. */
    const selectText = (start: number, end: number) =>
      page.evaluate(`(() => {
        const at = (offset) => {
          for (const run of document.querySelectorAll('[data-article-text] [data-s]')) {
            const s = Number(run.dataset.s), length = [...run.textContent].length;
            if (offset >= s && offset <= s + length) {
              const node = run.firstChild;
              return [node, [...run.textContent].slice(0, offset - s).join('').length];
            }
          }
          throw new Error('no run at ' + offset);
        };
        const [startNode, startOffset] = at(${start});
        const [endNode, endOffset] = at(${end});
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      })()`);

    await t.test('the key is entered once, in an input named apiKey', async (t) => {
      await page.goto(`${base}/desk/`);
      await page.locator('input[name="apiKey"]').waitFor();
      await audit('key form');
      await shoot('key-form');
      await page.fill('input[name="apiKey"]', 'na_notakeyatallnotakeyatallnotakey00');
      await page.click('form.key-form button[type="submit"]');
      await page.locator('#key-error', { hasText: 'not accepted' }).waitFor();
      await page.fill('input[name="apiKey"]', KEY);
      await page.click('form.key-form button[type="submit"]');
      await page.locator(`tr[data-article-id="${articleId}"]`).waitFor();
      t.equal(await page.evaluate('sessionStorage.getItem("news-annotations.apiKey")'), KEY, 'kept in sessionStorage');
    });

    await t.test('the inbox lists the article with its unreviewed counts; empty and error states', async (t) => {
      const row = page.locator(`tr[data-article-id="${articleId}"]`);
      const listed = (await api('GET', '/v1/articles?limit=5')).body.items[0];
      t.match(await row.textContent(), `${listed.unreviewed.quotes} quotes, ${listed.unreviewed.mentions} mentions`);
      await audit('inbox');
      await shoot('inbox');
      await page.goto(`${base}/desk/?q=${encodeURIComponent('zzyzx qqvx')}`);
      await page.locator('[data-state="empty"]').waitFor();
      await audit('inbox, empty state');
      await shoot('inbox-empty');
      // The ingest period, from the filter form: an 'until' day long ago leaves nothing, the
      // article's own day for both bounds keeps it (until is inclusive of its day).
      const ingestDay = String(listed.createdAt).slice(0, 10);
      await page.goto(`${base}/desk/`);
      await page.fill('#filter-until', '2000-01-01');
      await page.click('form.filters button[type="submit"]');
      await page.locator('[data-state="empty"]').waitFor();
      t.match(page.url(), /until=2000-01-01/, 'the until day is in the URL');
      await page.fill('#filter-since', ingestDay);
      await page.fill('#filter-until', ingestDay);
      await page.click('form.filters button[type="submit"]');
      await row.waitFor();
      t.match(page.url(), new RegExp(`since=${ingestDay}&until=${ingestDay}`), 'both days are in the URL');
      await page.goto(`${base}/desk/articles/01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11`);
      await page.locator('[data-state="error"]').waitFor();
      t.match(await page.locator('[data-state="error"]').textContent(), /No article/);
      await audit('article, error state');
      await shoot('article-error');
    });

    let shown: QuoteBody[] = [];
    await t.test('the article by deep link: every quote the API lists is highlighted, mentions marked and nested', async (t) => {
      const started = Date.now();
      await page.goto(`${base}/desk/articles/${articleId}`);
      await page.locator('mark[data-quote-id]').first().waitFor();
      t.comment(`article view ready in ${Date.now() - started} ms (navigation to highlighted text)`);
      shown = await quotes();
      const highlighted = await page.evaluate<string[]>('[...new Set([...document.querySelectorAll("mark[data-quote-id]")].map((m) => m.dataset.quoteId))]');
      t.same([...highlighted].sort(), shown.map((q) => q.id).sort(), 'the highlighted quotes are the API\'s non-rejected quotes');
      // The fixture's quotations in quotation marks: the gold's fourteen in the text and the
      // headline's. Reported speech (indirect) is highlighted besides them, marked as such.
      const quotations = await page.evaluate<string[]>('[...new Set([...document.querySelectorAll("mark.quote-direct[data-quote-id], mark.quote-mixed[data-quote-id]")].map((m) => m.dataset.quoteId))]');
      t.equal(quotations.length, 15, 'the 15 quotations of the fixture are highlighted as direct or mixed');
      t.comment(`highlighted: ${quotations.length} quotations and ${highlighted.length - quotations.length} reported (indirect)`);
      const mentionIds = (await entities()).flatMap((e) => e.mentions.map((m) => m.id));
      const marked = await page.evaluate<string[]>('[...new Set([...document.querySelectorAll("[data-mention-id]")].map((m) => m.dataset.mentionId))]');
      t.same([...marked].sort(), [...mentionIds].sort(), 'every mention is marked');
      t.ok(await page.locator('p[data-paragraph] mark[data-quote-id] [data-mention-id]').count(), 'a mention inside a quote inside a paragraph');
      for (const kind of new Set(shown.map((q) => q.kind))) {
        t.ok(await page.locator(`mark.quote-${kind}[data-kind="${kind}"]`).count(), `${kind} quotes are marked as ${kind}`);
      }
      t.equal(await page.locator('.speaker-tag').count(), shown.length, 'each quote has its speaker named beside it');
      t.ok((await page.evaluate<number>('window.__cls')) < 0.1, 'no layout shift while loading (CLS < 0.1)');
      await audit('article');
      await shoot('article');
      if (process.env.DESK_UPDATE_DOCS_IMAGE === '1') {
        mkdirSync(path.join(root, 'docs/images'), { recursive: true });
        await page.screenshot({ path: path.join(root, 'docs/images/desk-article.png') });
      }
    });

    let changed: QuoteBody | undefined;
    let originalSpeaker: string | null = null;
    await t.test('change a speaker with the entity search, reject a quote by keyboard, see both in the history, revert one', async (t) => {
      const people = (await entities()).filter((e) => e.type === 'PERSON');
      changed = shown.find((q) => q.speaker && people.some((p) => p.id !== q.speaker!.id));
      if (!changed) throw new Error('no quote whose speaker can change to another person');
      originalSpeaker = changed.speaker!.id;
      const next = people.find((p) => p.id !== originalSpeaker)!;
      const card = page.locator(`.quote-card[data-card-of="${changed.id}"]`);
      await card.locator('.quote-card-text').click();
      await card.getByRole('button', { name: 'Change speaker' }).click();
      await card.locator('.picker input').fill(next.canonicalName.slice(0, 4));
      await card.locator(`.picker-option[data-entity-id="${next.id}"]`).first().click();
      await page.locator('[data-notice="done"]', { hasText: 'Speaker changed' }).waitFor();
      const after = (await quotes()).find((q) => q.id === changed!.id)!;
      t.equal(after.speaker?.id, next.id, 'the API has the new speaker');
      t.match(await page.locator(`.speaker-tag[data-speaker-of="${changed.id}"]`).textContent(), next.canonicalName, 'named beside the quote');

      // Keyboard: move to the next quote and reject it.
      const order = (await quotes()).map((q) => q.id);
      const target = order[order.indexOf(changed.id) + 1] ?? order[order.indexOf(changed.id) - 1]!;
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press(order.indexOf(target) > order.indexOf(changed.id) ? 'j' : 'k');
      await page.locator(`.quote-card.is-selected[data-card-of="${target}"]`).waitFor();
      await page.keyboard.press('r');
      await page.locator('[data-notice="done"]', { hasText: 'Quote rejected' }).waitFor();
      const rejected = await api('GET', `/v1/articles/${articleId}/quotes/${target}`);
      t.equal(rejected.body.provenance.reviewStatus, 'rejected', 'r rejected the quote');
      t.equal(await page.locator(`mark[data-quote-id="${target}"]`).count(), 0, 'a rejected quote is no longer highlighted');
      // Keyboard accept and undo.
      await page.keyboard.press('j');
      const accepted = await page.locator('.quote-card.is-selected').getAttribute('data-card-of');
      await page.keyboard.press('a');
      await page.locator('[data-notice="done"]', { hasText: 'Quote accepted' }).waitFor();
      t.equal((await api('GET', `/v1/articles/${articleId}/quotes/${accepted}`)).body.provenance.reviewStatus, 'confirmed', 'a accepted it');
      await page.keyboard.press('u');
      await page.locator('[data-notice="done"]', { hasText: 'Undone' }).waitFor();
      t.equal((await api('GET', `/v1/articles/${articleId}/quotes/${accepted}`)).body.provenance.reviewStatus, 'unreviewed', 'u undid it');

      await page.getByRole('tab', { name: 'History' }).click();
      const speakerEvent = page.locator(`.history-item[data-target="${changed.id}"]`).filter({ hasText: 'speaker' });
      const rejectEvent = page.locator(`.history-item[data-target="${target}"]`).filter({ hasText: 'rejected' });
      t.equal(await speakerEvent.count(), 1, 'the speaker change is in the history');
      t.equal(await rejectEvent.count(), 1, 'the rejection is in the history');
      await audit('article, history');
      await shoot('article-history');
      await speakerEvent.getByRole('button', { name: 'Revert' }).click();
      await page.locator('[data-notice="done"]', { hasText: 'Change reverted' }).waitFor();
      t.equal((await quotes()).find((q) => q.id === changed!.id)?.speaker?.id, originalSpeaker, 'reverted to the first speaker');
    });

    await t.test('add a mention by selecting text', async (t) => {
      const text = created.body.text as string;
      const points = Array.from(text);
      const taken = new Set((await entities()).flatMap((e) => e.mentions.flatMap((m) => Array.from({ length: m.end - m.start }, (_, i) => m.start + i))));
      // The first lower-case word of six letters or more that no mention covers, in a paragraph.
      const paragraphs = (await api('GET', `/v1/articles/${articleId}/paragraphs?limit=500`)).body.items as { start: number; end: number }[];
      let span: { start: number; end: number } | undefined;
      for (const match of text.matchAll(/\b[a-z]{6,}\b/g)) {
        const start = Array.from(text.slice(0, match.index)).length;
        const end = start + Array.from(match[0]).length;
        const inParagraph = paragraphs.some((p) => p.start <= start && end <= p.end);
        if (inParagraph && !Array.from({ length: end - start }, (_, i) => start + i).some((i) => taken.has(i))) {
          span = { start, end };
          break;
        }
      }
      if (!span) throw new Error('no free word to mark');
      const word = points.slice(span.start, span.end).join('');
      await page.getByRole('tab', { name: /Quotes/ }).click();
      await selectText(span.start, span.end);
      await page.locator('.selection-bar', { hasText: word }).waitFor();
      await page.getByRole('button', { name: 'Add mention' }).click();
      await page.selectOption('#new-entity-type', 'ORG');
      await page.getByRole('button', { name: 'Add new entity' }).click();
      await page.locator('[data-notice="done"]', { hasText: 'Mention added' }).waitFor();
      const added = (await entities()).find((e) => e.mentions.some((m) => m.start === span!.start && m.end === span!.end));
      t.ok(added, `the API has a mention of "${word}"`);
      t.equal(added?.type, 'ORG');
      const mentionId = added?.mentions.find((m) => m.start === span!.start)?.id;
      t.equal(await page.locator(`[data-mention-id="${mentionId}"]`).textContent(), word, 'marked in the text');
    });

    await t.test('rename an entity, set a person\'s gender, merge another entity into it, fix an indirect quote\'s span', async (t) => {
      await page.goto(`${base}/desk/articles/${articleId}`);
      await page.locator('mark[data-quote-id]').first().waitFor();
      const done = (message: string) => page.locator('[data-notice="done"]', { hasText: message }).waitFor();
      const before = await entities();
      const person = [...before].filter((e) => e.type === 'PERSON').sort((a, b) => b.mentions.length - a.mentions.length)[0]!;

      await page.getByRole('tab', { name: /Entities/ }).click();
      const personRow = page.locator(`[data-entity-row="${person.id}"]`);
      await personRow.getByRole('button', { name: 'Rename' }).click();
      const newName = `${person.canonicalName} (desk)`;
      await page.fill(`#rename-${person.id}`, newName);
      await personRow.getByRole('button', { name: 'Save' }).click();
      await done('Entity renamed');
      t.equal((await api('GET', `/v1/entities/${person.id}`)).body.canonicalName, newName, 'the API has the new name');
      t.match(await personRow.locator('.entity-name strong').textContent(), newName, 'the panel shows it');

      await page.selectOption(`#gender-${person.id}`, 'nonbinary');
      await done('Gender set');
      const withGender = (await api('GET', `/v1/entities/${person.id}`)).body;
      t.same([withGender.gender, withGender.genderSource], ['nonbinary', 'editor'], 'the API has the gender, set by an editor');
      t.match(await personRow.textContent(), /set by an editor/, 'the panel says who set it');

      // Two entities of one type: the one with fewer mentions is merged into the other.
      const byType = new Map<string, EntityBody[]>();
      for (const entity of before) if (entity.id !== person.id) byType.set(entity.type, [...(byType.get(entity.type) ?? []), entity]);
      const pair = [...byType.values()].find((group) => group.length >= 2)!.sort((a, b) => b.mentions.length - a.mentions.length);
      const [into, other] = [pair[0]!, pair[pair.length - 1]!];
      const intoRow = page.locator(`[data-entity-row="${into.id}"]`);
      await intoRow.getByRole('button', { name: 'Merge another into it' }).click();
      // The editor types the other's name, as in an article with many entities of the type.
      await intoRow.locator('input[type="search"]').fill(other.canonicalName);
      page.once('dialog', (dialog) => void dialog.accept());
      await intoRow.locator(`.picker-option[data-entity-id="${other.id}"]`).click();
      await done('Entities merged');
      t.equal((await api('GET', `/v1/entities/${other.id}`)).status, 404, 'the merged entity is gone');
      const merged = (await entities()).find((e) => e.id === into.id)!;
      t.equal(merged.mentions.length, into.mentions.length + other.mentions.length, 'its mentions moved to the other');
      t.equal(await page.locator(`[data-entity-row="${other.id}"]`).count(), 0, 'the panel no longer lists it');

      // An indirect quote's span, shortened by its last word through a selection in the text.
      await page.getByRole('tab', { name: /Quotes/ }).click();
      const indirect = (await quotes()).find((q) => q.kind === 'indirect' && /\s\S+\s*$/.test(q.text))!;
      t.ok(indirect, 'the fixture has an indirect quote of several words');
      const shorter = indirect.text.replace(/\s+\S+\s*$/, '');
      const end = indirect.start + Array.from(shorter).length;
      const card = page.locator(`.quote-card[data-card-of="${indirect.id}"]`);
      await card.locator('.quote-card-text').click();
      await selectText(indirect.start, end);
      await page.locator('.selection-bar', { hasText: shorter.slice(0, 20) }).waitFor();
      await page.getByRole('button', { name: 'Set as span of the selected quote' }).click();
      await done('Quote span fixed');
      const fixed = (await api('GET', `/v1/articles/${articleId}/quotes/${indirect.id}`)).body;
      t.same([fixed.start, fixed.end, fixed.text], [indirect.start, end, shorter], 'the API has the new span');
      t.equal(fixed.kind, 'indirect', 'still indirect');
      t.equal((await page.locator(`mark[data-quote-id="${indirect.id}"]`).allTextContents()).join(''), shorter, 'the highlight covers the new span');
      await audit('article, entities panel');
      await shoot('article-entities');
    });

    await t.test('a concurrent change shows the stale version, and a reload', async (t) => {
      await page.goto(`${base}/desk/articles/${articleId}`);
      await page.locator('mark[data-quote-id]').first().waitFor();
      const quote = (await quotes()).find((q) => q.provenance.reviewStatus === 'unreviewed')!;
      const other = await api('PATCH', `/v1/articles/${articleId}/quotes/${quote.id}`, { reviewStatus: 'confirmed' }, { 'if-match': `"${quote.version}"` });
      t.equal(other.status, 200, 'another client accepted the quote');
      const card = page.locator(`.quote-card[data-card-of="${quote.id}"]`);
      await card.getByRole('button', { name: 'Reject' }).click();
      const stale = page.locator('[data-notice="stale"]');
      await stale.waitFor();
      t.match(await stale.textContent(), /Stale version/);
      t.equal((await api('GET', `/v1/articles/${articleId}/quotes/${quote.id}`)).body.provenance.reviewStatus, 'confirmed', 'nothing was overwritten');
      await audit('article, stale version');
      await shoot('article-stale');
      await stale.getByRole('button', { name: 'Reload the article' }).click();
      await stale.waitFor({ state: 'detached' });
      await card.locator('dd', { hasText: 'accepted' }).waitFor();
      t.pass('the reload shows the other client\'s change');
    });

    await t.test('works at tablet width', async (t) => {
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.goto(`${base}/desk/articles/${articleId}`);
      await page.locator('mark[data-quote-id]').first().waitFor();
      t.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 768, 'no horizontal scrolling at 768 px');
      await audit('article at 768 px');
      await shoot('article-tablet');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await t.test('who gets quoted: charts from the fixture\'s speakers, CSV equal to the API', async (t) => {
      await page.goto(`${base}/desk/voices`);
      await page.locator('svg[data-chart="chart-speakers"]').waitFor();
      const speakers = (await api('GET', '/v1/voices/speakers?type=PERSON,ORG&limit=20')).body.items as { entity: { id: string; canonicalName: string; type: string }; quotes: number; articles: number }[];
      const fixtureSpeakers = new Set((await quotes()).filter((q) => q.speaker && ['PERSON', 'ORG'].includes(q.speaker.type)).map((q) => q.speaker!.id));
      t.ok(speakers.length > 0 && speakers.every((s) => fixtureSpeakers.has(s.entity.id)), 'the speakers are the fixture\'s');
      const bars = await page.evaluate<[string, string][]>('[...document.querySelectorAll("svg[data-chart=chart-speakers] [data-bar]")].map((g) => [g.dataset.bar, g.dataset.value])');
      t.same(bars, speakers.map((s) => [s.entity.canonicalName, String(s.quotes)]), 'the chart draws the API\'s counts');
      for (const chart of ['chart-types', 'chart-genders', 'chart-trend']) t.equal(await page.locator(`svg[data-chart="${chart}"]`).count(), 1, `${chart} is drawn`);
      const csv = async (name: string) => {
        const href = await page.locator(`a[data-csv^="${name}"]`).getAttribute('href');
        return decodeURIComponent(href!.replace(/^data:text\/csv;charset=utf-8,/, '')).trim().split('\r\n').map((line) => line.split(','));
      };
      const speakerCsv = await csv('most-quoted');
      t.same(speakerCsv.slice(1).map((row) => [row[0], row[3], row[4]]), speakers.map((s) => [s.entity.id, String(s.quotes), String(s.articles)]), 'the speakers CSV has the API\'s numbers');
      const genders = (await api('GET', '/v1/voices/genders')).body.items as { gender: string; quotes: number; people: number }[];
      t.same((await csv('genders')).slice(1).map((row) => [row[0], Number(row[1]), Number(row[2])]), genders.map((g) => [g.gender, g.quotes, g.people]), 'the genders CSV has the API\'s numbers');
      const types = (await api('GET', '/v1/voices/types')).body.items as { type: string; quotes: number }[];
      t.same((await csv('source-types')).slice(1).map((row) => [row[0], Number(row[1])]), types.map((x) => [x.type, x.quotes]), 'the types CSV has the API\'s numbers');
      await audit('voices');
      await shoot('voices');
      await page.goto(`${base}/desk/voices?from=1990-01-01&to=1990-01-31`);
      await page.locator('[data-state="empty"]').waitFor();
      await audit('voices, empty state');
      await shoot('voices-empty');
      await page.goto(`${base}/desk/voices?from=2021-03-10&to=2021-03-01`);
      await page.locator('[data-state="error"]').waitFor();
      await audit('voices, error state');
      await shoot('voices-error');
    });

    t.same(cspViolations, [], 'nothing broke the Content-Security-Policy');
    t.same(pageErrors, [], 'no script error in the page');
  });
}
