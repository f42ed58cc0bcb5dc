// Word forms and lemmas as the attribution stages use them, and the tagger's alignment with the
// pipeline's tokens.
import t from 'tap';
import { lemmaOf, mayBeReportingForm, nominalOfReporting } from '../../../src/pipeline/attribution/lemmas.js';
import { POS, tagTokens } from '../../../src/pipeline/pos.js';
import { tokenize, type Token } from '../../../src/pipeline/tokens.js';

t.test('nouns made from reporting verbs are recognised by their spelling changes', async (t) => {
  t.equal(nominalOfReporting('allegation'), 'allege');
  t.equal(nominalOfReporting('conclusion'), 'conclude');
  t.equal(nominalOfReporting('denial'), 'deny');
  t.equal(nominalOfReporting('admission'), 'admit');
  t.equal(nominalOfReporting('statement'), 'state');
  t.equal(nominalOfReporting('insistence'), 'insist');
  t.equal(nominalOfReporting('station'), null);
  t.equal(nominalOfReporting('government'), null);
});

t.test('forms of reporting verbs, regular and irregular', async (t) => {
  for (const form of ['said', 'says', 'told', 'admitted', 'admitting', 'denied', 'denies', 'noting', 'thought', 'written', 'believes']) {
    t.ok(mayBeReportingForm(form), form);
  }
  for (const form of ['walked', 'table', 'quickly']) t.notOk(mayBeReportingForm(form), form);
  t.equal(lemmaOf('said', false), 'say');
  t.equal(lemmaOf('was', false), 'be');
  t.equal(lemmaOf('allegations', true), 'allegation');
  t.equal(lemmaOf('walked', false), 'walked', 'a word outside the sets needs no lemma');
});

t.test('tags line up with the pipeline\'s tokens, and a long run without spaces is no trouble', async (t) => {
  const text = `Officials said the vote was fair. ${'x'.repeat(50_000)} She agreed.`;
  const tokens: Token[] = [];
  tokenize(text, 0, text.length, 0, tokens);
  const { tag } = tagTokens(text, tokens);
  t.equal(tag.length, tokens.length);
  t.equal(tag[tokens.findIndex((x) => x.text === 'said')], POS.VERB);
  t.equal(tag[tokens.findIndex((x) => x.text === 'agreed')], POS.VERB);
});
