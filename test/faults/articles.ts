// Generated articles for the fault tests and the benchmarks: each text is unique (so nothing is
// deduplicated) and has the shape of a wire story, with named people, organisations, places and
// attributed quotes, so every ingest writes paragraphs, entities, mentions and quotes.
import { wireStory } from '../helpers/fixtures.js';

const people = [
  ['Maria Lopez', 'Lopez', 'the finance minister'],
  ['John Okafor', 'Okafor', 'a union leader'],
  ['Chen Wei', 'Chen', 'a trade official'],
  ['Anna Schmidt', 'Schmidt', 'the mayor'],
  ['Rahul Mehta', 'Mehta', 'an economist at Delhi University'],
  ['Sofia Rossi', 'Rossi', 'the coalition spokeswoman'],
  ['Kwame Mensah', 'Mensah', 'the port director'],
  ['Elena Petrova', 'Petrova', 'a senior diplomat'],
] as const;
const organisations = ['the World Bank', 'the United Nations', 'Reuters', 'the European Commission', 'the Red Cross'];
const places = ['BERLIN', 'NAIROBI', 'LIMA', 'OSLO', 'MANILA', 'ACCRA', 'QUITO', 'HANOI'];
const agencies = ['AFP', 'AP', 'Reuters'];
const topics = ['the budget', 'the harbour strike', 'fuel prices', 'the flood defences', 'the trade deal', 'the election'];

/** A short unique wire story (about 1 KB) with two people, an organisation, a place and quotes. */
export function smallArticle(n: number): string {
  const a = people[n % people.length]!;
  const b = people[(n * 3 + 1) % people.length]!;
  const org = organisations[n % organisations.length]!;
  const place = places[n % places.length]!;
  const agency = agencies[n % agencies.length]!;
  const topic = topics[n % topics.length]!;
  return [
    `${a[1]} and ${b[1]} clash over ${topic} (report ${n})`,
    '',
    'Example Wire',
    '',
    `${place} (${agency}) - ${a[0]}, ${a[2]}, said on Monday that ${topic} would be settled "within weeks", in story number ${n}.`,
    '',
    `"We will not accept another delay," ${a[1]} told reporters, adding that ${org} had been consulted.`,
    '',
    `${b[0]}, ${b[2]}, disagreed. "This plan is not ready and everybody knows it," ${b[1]} said.`,
    '',
    `According to ${org}, talks on ${topic} will resume in ${place.charAt(0)}${place.slice(1).toLowerCase()} next month.`,
    '',
  ].join('\n');
}

/**
 * The wire story fixture made unique: same size and annotations, with a reference number woven
 * into one sentence (so the content hash differs and nothing else changes much).
 */
export function fixtureVariant(n: number): string {
  return wireStory.replace('state media in Pyongyang said Friday.', `state media in Pyongyang said Friday (ref ${n}).`);
}
