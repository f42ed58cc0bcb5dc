// Acceptance: the example wire story sent as ninjs 3.x and as an HTML page gives the same
// paragraphs and quotes as the wire text itself. The wire text's headline and source line are
// header lines, not paragraphs; in ninjs they are `headlines` and `infoSources`, on the page the
// <h1> and og:site_name; the standfirst, the dateline paragraph and the rest are the body.
import t from 'tap';
import { parseHtml } from '../../src/formats/html.js';
import { parseNinjs } from '../../src/formats/ninjs.js';
import { Store } from '../../src/repositories/store.js';
import { ArticleService } from '../../src/services/article-service.js';
import { IngestService, type IngestInput } from '../../src/services/ingest-service.js';
import { createTestDatabase, storageKinds } from '../helpers/database.js';
import { wireStory, wireStoryGold } from '../helpers/fixtures.js';
import { story, storyAsHtmlPage, storyAsNinjs } from './fixture-formats.js';

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const db = await createTestDatabase(kind);
    t.teardown(() => db.destroy());
    const store = new Store(db.database);
    const ingest = new IngestService(store);
    const articles = new ArticleService(store);

    const stored = async (input: IngestInput) => {
      const { article, created } = await ingest.ingest(input);
      const paragraphs = (await articles.paragraphs(article.id, { limit: 500 })).items.map((p) => p.text);
      const quotes = (await articles.quotes(article.id, { limit: 500 })).items.map((q) => ({
        text: q.text,
        speaker: q.speaker?.canonicalName ?? null,
        via: q.via?.canonicalName ?? null,
        cue: q.cue?.text ?? null,
        rule: q.attribution.rule,
      }));
      return { article, created, paragraphs, quotes };
    };

    const wire = await stored({ format: 'text', text: wireStory });
    const ninjsText = await stored({ format: 'json', article: parseNinjs(storyAsNinjs('text')) });
    const ninjsXhtml = await stored({ format: 'json', article: parseNinjs(storyAsNinjs('xhtml')) });
    // The page's text is the ninjs item's text to the character, so it would be found as that
    // article: remove it first to see what the page alone gives.
    const beforeHtml = await stored({ format: 'json', article: parseHtml(storyAsHtmlPage()) });
    await articles.delete(ninjsText.article.id, ninjsText.article.version);
    const html = await stored({ format: 'json', article: parseHtml(storyAsHtmlPage()) });

    t.test('the wire text gives the 35 paragraphs and the quotes the gold file expects', async (t) => {
      t.equal(wire.paragraphs.length, wireStoryGold.paragraphs.count_after_headline_and_source_line);
      t.same(wire.paragraphs, story.paragraphs);
      t.ok(wire.quotes.length >= wireStoryGold.quotes.length);
    });

    t.test('the ninjs item with a plain-text body gives the same paragraphs and quotes', async (t) => {
      t.ok(ninjsText.created, 'it is stored as an article of its own');
      t.equal(ninjsText.article.headline, wireStoryGold.header.headline);
      t.equal(ninjsText.article.source, wireStoryGold.header.source);
      t.equal(ninjsText.article.externalId, 'urn:newsml:dunyanews.tv:20190426:kim-putin-summit');
      t.same(ninjsText.paragraphs, wire.paragraphs);
      t.same(ninjsText.quotes, wire.quotes);
    });

    t.test('the ninjs item with an XHTML body stores the very same text as the plain-text one', async (t) => {
      t.notOk(ninjsXhtml.created, 'same text, same source and uri: the stored article answers');
      t.equal(ninjsXhtml.article.id, ninjsText.article.id);
    });

    t.test('the HTML page has the ninjs text to the character, so it is not stored twice', async (t) => {
      t.notOk(beforeHtml.created);
      t.equal(beforeHtml.article.id, ninjsText.article.id);
      t.equal(beforeHtml.article.text, ninjsText.article.text);
    });

    t.test('the HTML page gives the same paragraphs and quotes, and none of its boilerplate', async (t) => {
      t.ok(html.created);
      t.equal(html.article.headline, wireStoryGold.header.headline);
      t.equal(html.article.url, 'https://dunyanews.example/world/kim-putin-summit');
      t.same(html.paragraphs, wire.paragraphs);
      t.same(html.quotes, wire.quotes);
      t.notOk(html.article.text.includes('<'), 'no markup is stored');
      t.notOk(html.article.text.includes('Cheap flights'), 'no ad text is stored');
    });
  });
}
