import t from 'tap';
import { ApiError } from '../../src/errors.js';
import { parseNinjs, parseNinjsJson } from '../../src/formats/ninjs.js';
import { validNinjs31 } from '../helpers/ninjs-schema.js';
import { iptcExample, story, storyAsNinjs } from './fixture-formats.js';


const problemOf = (work: () => unknown): { code: string; detail: string | undefined } => {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('expected a problem');
};

t.test('the ninjs items used here are valid ninjs 3.1 by IPTC schema', async (t) => {
  t.ok(validNinjs31(iptcExample), 'IPTC example');
  t.ok(validNinjs31(storyAsNinjs('text')), JSON.stringify(validNinjs31.errors));
  t.ok(validNinjs31(storyAsNinjs('xhtml')), JSON.stringify(validNinjs31.errors));
});

t.test("IPTC's example article keeps its four paragraphs from the XHTML body and its metadata", async (t) => {
  const article = parseNinjs(iptcExample);
  t.equal(article.headline, 'Captain of wrecked cruise ship on trial in Italy');
  const paragraphs = article.body.split('\n\n');
  t.equal(paragraphs.length, 4, 'the XHTML body wins over the run-together text/plain body');
  t.match(paragraphs[0], /^GROSSETO, Italy \(AP\) -- The trial/);
  t.match(paragraphs[3], /Schettino has denied wrongdoing\.$/);
  t.equal(article.externalId, 'http://ninjs.example.com/newsitems/20130709simp123', 'the uri is the external id');
  t.equal(article.publishedAt, '2013-07-09T10:37:00.000Z', 'versionCreated is the publication time');
  t.equal(article.byline, "Paulo Santalucia and Frances d'Emilio", '`by` is the byline');
});

t.test('a plain-text body and an XHTML body of the same story give the same article body', async (t) => {
  const fromText = parseNinjs(storyAsNinjs('text'));
  const fromXhtml = parseNinjs(storyAsNinjs('xhtml'));
  t.equal(fromText.body, story.paragraphs.join('\n\n'));
  t.equal(fromXhtml.body, fromText.body);
  t.equal(fromText.headline, story.headline);
  t.equal(fromText.source, story.source, 'the first named info source is the source');
  t.equal(fromText.language, 'en');
  t.equal(fromText.located, 'Vladivostok');
  t.equal(fromText.externalId, 'urn:newsml:dunyanews.tv:20190426:kim-putin-summit');
});

t.test('the text keeps U+00A0 where the wire lost its apostrophes', async (t) => {
  const article = parseNinjs(storyAsNinjs('xhtml'));
  t.ok(article.body.includes('Russia\u00a0s Vladimir Putin'));
});

t.test('ninjs 1.x/2.x body_text and headline fields are read too', async (t) => {
  const article = parseNinjs({ uri: 'urn:x:1', headline: 'Old feed', body_text: 'First.\r\n\r\nSecond.' });
  t.same({ headline: article.headline, body: article.body }, { headline: 'Old feed', body: 'First.\n\nSecond.' });
});

t.test('the copyright holder is the source when no info source is named', async (t) => {
  const article = parseNinjs({ ...storyAsNinjs(), infoSources: undefined, copyrightHolder: 'Agence France-Presse' });
  t.equal(article.source, 'Agence France-Presse');
});

t.test('an XHTML body keeps headings and list items as paragraphs and drops scripts', async (t) => {
  const article = parseNinjs({
    uri: 'urn:x:2',
    headlines: [{ value: 'Budget' }],
    bodies: [
      {
        contentType: 'application/xhtml+xml',
        value:
          '<div xmlns="http://www.w3.org/1999/xhtml"><p>The  budget\n passed.</p><h2>What changes</h2><ul><li>Taxes rise.</li><li>Fees fall.</li></ul><script>alert(1)</script><p>Line one<br/>line two</p></div>',
      },
    ],
  });
  t.same(article.body.split('\n\n'), ['The budget passed.', 'What changes', 'Taxes rise.', 'Fees fall.', 'Line one\nline two']);
});

t.test('broken or unknown ninjs is a clear problem', async (t) => {
  t.same(problemOf(() => parseNinjs([1, 2])), { code: 'validation-failed', detail: 'A ninjs item must be a JSON object.' });
  t.match(problemOf(() => parseNinjs({ headlines: [{ value: 'x' }], bodies: [{ value: 'y' }] })), {
    code: 'validation-failed',
    detail: /uri/,
  });
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), body: 'not ninjs' })), {
    code: 'validation-failed',
    detail: /\/body: unknown ninjs property 'body'$/,
  });
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), headlines: 'Kim meets Putin' })), {
    code: 'validation-failed',
    detail: /\/headlines/,
  });
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), type: 'picture' })), {
    code: 'unprocessable-content',
    detail: /type 'picture' is not an article/,
  });
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), headlines: [] })), {
    code: 'unprocessable-content',
    detail: /no headline/,
  });
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), bodies: [{ contentType: 'text/plain', value: '  ' }] })), {
    code: 'unprocessable-content',
    detail: /no body text/,
  });
  t.match(problemOf(() => parseNinjsJson('{"uri": ')), { code: 'malformed-body', detail: /not JSON/ });
});

t.test('a ninjs item that does not fit the article bounds fails like a JSON post would', async (t) => {
  t.match(problemOf(() => parseNinjs({ ...storyAsNinjs(), uri: 'u'.repeat(501) })), {
    code: 'validation-failed',
    detail: /uri|externalId/,
  });
});

t.test('an odd language tag or an unreadable date is left out rather than failing the item', async (t) => {
  const article = parseNinjs({ ...storyAsNinjs(), language: 'English (UK)', versionCreated: 'yesterday' });
  t.equal(article.language, undefined);
  t.equal(article.publishedAt, undefined);
});
