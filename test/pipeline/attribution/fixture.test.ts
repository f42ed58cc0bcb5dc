// The reported speech of the wire story fixture (test/fixtures/vladivostok-summit.txt) that
// issue 11 names: each is found, with its source, and relayed where the story says so.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { attributions } from './attributions.js';

const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'vladivostok-summit.txt'), 'utf8');
const found = attributions(text);
const starting = (words: string) => found.filter((f) => f.text.startsWith(words));

t.test('Kim accusing the United States, once in the standfirst and once relayed by state media', async (t) => {
  const accused = found.filter((f) => f.cue === 'accused' && f.source === 'Kim Jong Un');
  t.equal(accused.length, 2);
  t.ok(accused.every((f) => f.kind === 'mixed' && f.quoted.includes('bad faith')));
  t.equal(accused[0]!.via, null);
  t.match(accused[1]!.via, /^state media/);
});

t.test('"Kim said he hoped ...": mixed speech by Kim Jong Un', async (t) => {
  const [a] = starting('he hoped');
  t.equal(a?.source, 'Kim Jong Un');
  t.equal(a?.cue, 'said');
  t.equal(a?.kind, 'mixed');
});

t.test('"Both men said ...": an unnamed source', async (t) => {
  const [a] = starting('they were looking');
  t.equal(a?.source, 'Both men');
  t.equal(a?.kind, 'indirect');
});

t.test('"... readily accepted", KCNA said: the agency\'s own report, holding the leader\'s invitation', async (t) => {
  const report = found.find((f) => f.quoted.includes('readily accepted'));
  t.equal(report?.source, 'Korean Central News Agency');
  const invitation = found.find((f) => f.text === 'at a convenient time');
  t.equal(invitation?.source, 'Kim Jong Un');
  t.equal(invitation?.via, 'Korean Central News Agency');
});

t.test('"Putin told reporters that ...": the source is Putin, not the reporters', async (t) => {
  const [a] = starting('he would fill in');
  t.equal(a?.source, 'Vladimir Putin');
  t.equal(a?.cue, 'told');
});

t.test('"analysts said ...": an unnamed source, twice', async (t) => {
  const analysts = found.filter((f) => f.source === 'analysts');
  t.equal(analysts.length, 2);
  t.ok(analysts.every((f) => f.kind === 'indirect'));
});

t.test('"Kim Jong Il told then-president Dmitry Medvedev that ...": the source is Kim Jong Il', async (t) => {
  const [a] = starting('he was prepared');
  t.equal(a?.source, 'Kim Jong Il');
  t.equal(a?.cue, 'told');
});
