// Title Case lines (every word capitalised) and ALL-CAPS text: capitals there say nothing, so the
// words are judged by the rest of the article and the word lists (invented passages).
import t from 'tap';
import { mentionsOf } from './helpers.js';

const body = 'The council said the harbour plan would cost more. Mayor Ana Ruiz said the plan was sound, and residents in Lisbon agreed.';

t.test('a Title Case summary line gives only its names, not its capitalised ordinary words', async (t) => {
  const m = mentionsOf(`Harbour Plan Will Cost More, Ana Ruiz Says After Lisbon Council Meeting\n\n${body}`);
  const texts = m.filter((x) => x.kind === 'name').map((x) => x.text);
  t.ok(texts.includes('Ana Ruiz'));
  t.ok(texts.includes('Lisbon'));
  for (const w of ['Harbour Plan', 'Harbour', 'Plan', 'Cost', 'Says']) t.notOk(texts.includes(w), `"${w}" is no name`);
  t.equal(m.find((x) => x.text === 'Ana Ruiz')?.key, m.filter((x) => x.text === 'Ana Ruiz')[1]?.key, 'the line\'s name links to the body\'s');
});

t.test('a Title Case line in the middle of an article is judged the same way', async (t) => {
  const m = mentionsOf(`${body}\n\nResidents Fear Soaring Harbour Costs As The Council Delays Its Vote\n\nAna Ruiz left.`);
  const texts = m.filter((x) => x.kind === 'name').map((x) => x.text);
  t.notOk(texts.some((x) => /Fear|Soaring|Costs|Delays|Vote/.test(x)), 'no name made of the line\'s ordinary words');
});

t.test('an ALL-CAPS line: names are found and typed, ordinary words are not names', async (t) => {
  const m = mentionsOf(`${body}\n\nANA RUIZ SAYS HARBOUR PLAN WILL COST MORE IN LISBON`);
  const caps = m.filter((x) => x.kind === 'name' && x.text === x.text.toUpperCase());
  t.ok(caps.some((x) => x.text === 'ANA RUIZ' && x.type === 'PERSON' && x.name === 'Ana Ruiz'), 'the person, linked to the body\'s');
  t.ok(caps.some((x) => x.text === 'LISBON' && x.type === 'LOC'));
  t.notOk(caps.some((x) => /HARBOUR|PLAN|COST|SAYS/.test(x.text)));
});

t.test('a person\'s name in capitals in ordinary text is a person, not abbreviations', async (t) => {
  const m = mentionsOf('The new budget was approved on Tuesday, said MARIA LOPEZ, the finance director.');
  const p = m.find((x) => x.text === 'MARIA LOPEZ');
  t.equal(p?.type, 'PERSON');
  t.equal(p?.name, 'Maria Lopez');
});

t.test('abbreviations stay abbreviations in ALL-CAPS lines when the article writes them so', async (t) => {
  const m = mentionsOf(`WAFA ministers met in Lisbon. ${body}\n\nWAFA MINISTERS MEET AGAIN IN LISBON ON FRIDAY`);
  const caps = m.filter((x) => x.kind === 'name' && x.text === 'WAFA');
  t.equal(caps.length, 2);
  t.equal(caps[0]!.key, caps[1]!.key);
});

t.test('a list of names is not a Title Case line', async (t) => {
  const m = mentionsOf('Speakers: Ana Ruiz, Tomas Vell, Lena Okafor and Paulo Mendes.');
  for (const n of ['Ana Ruiz', 'Tomas Vell', 'Lena Okafor', 'Paulo Mendes']) t.ok(m.some((x) => x.text === n && x.type === 'PERSON'), n);
});

t.test('a headline word taken for an ordinary word belongs to the name before it when the body names the longer name', async (t) => {
  const m = mentionsOf(
    'Tower Staffing Faulted at Tarvolo Regional Airport\n\n' +
      'Inspectors found too few staff in the tower at Tarvolo Regional Airport on Tuesday. Pilots at the ' +
      'airport agreed, and so did unions at Tarvolo.',
  );
  t.same(
    m.filter((x) => x.kind === 'name' && x.text.includes('Tarvolo')).map((x) => `${x.text} ${x.type}`),
    ['Tarvolo Regional Airport FAC', 'Tarvolo LOC', 'Tarvolo Regional Airport FAC', 'Tarvolo LOC', 'Tarvolo LOC'],
  );
});
