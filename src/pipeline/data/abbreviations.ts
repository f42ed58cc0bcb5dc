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
