// General English abbreviations that take a period without ending a sentence.

/** Titles and honorifics written with a period: never end a sentence. */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'cpl', 'pvt',
  'gov', 'sen', 'rep', 'rev', 'fr', 'sr', 'jr', 'st', 'hon', 'pres', 'supt', 'insp', 'det', 'amb', 'sec',
]);

/** Other abbreviations with a period; they may end a sentence when the next word starts one. */
export const OTHER_ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'vs', 'etc', 'no', 'nos', 'vol', 'approx', 'dept', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ave', 'blvd', 'rd', 'mt', 'ft', 'km', 'cm', 'mm', 'kg', 'lb', 'lbs', 'oz', 'pp', 'p', 'fig', 'al', 'cf', 'ie', 'eg', 'ca',
]);

/**
 * US states as news style guides abbreviate them after a city ("Springfield, Ill."), by the
 * abbreviation without its period, lower case. States the style spells out have none; the
 * dotted ones ("N.Y.", "W.Va.") are here too, for the gazetteer.
 */
export const US_STATE_ABBREVIATIONS = new Map([
  ['ala', 'Alabama'], ['ariz', 'Arizona'], ['ark', 'Arkansas'], ['calif', 'California'], ['colo', 'Colorado'],
  ['conn', 'Connecticut'], ['del', 'Delaware'], ['fla', 'Florida'], ['ga', 'Georgia'], ['ill', 'Illinois'],
  ['ind', 'Indiana'], ['kan', 'Kansas'], ['ky', 'Kentucky'], ['la', 'Louisiana'], ['md', 'Maryland'],
  ['mass', 'Massachusetts'], ['mich', 'Michigan'], ['minn', 'Minnesota'], ['miss', 'Mississippi'], ['mo', 'Missouri'],
  ['mont', 'Montana'], ['neb', 'Nebraska'], ['nev', 'Nevada'], ['okla', 'Oklahoma'], ['ore', 'Oregon'],
  ['pa', 'Pennsylvania'], ['tenn', 'Tennessee'], ['vt', 'Vermont'], ['va', 'Virginia'], ['wash', 'Washington'],
  ['wis', 'Wisconsin'], ['wyo', 'Wyoming'], ['n.h', 'New Hampshire'], ['n.j', 'New Jersey'], ['n.m', 'New Mexico'],
  ['n.y', 'New York'], ['n.c', 'North Carolina'], ['n.d', 'North Dakota'], ['r.i', 'Rhode Island'],
  ['s.c', 'South Carolina'], ['s.d', 'South Dakota'], ['w.va', 'West Virginia'], ['d.c', 'District of Columbia'],
]);
