// Word-formation checks on lemmas: is a noun made from a reporting verb ("allegation" from
// "allege", "conclusion" from "conclude", "denial" from "deny")? Then it can carry a message
// ("allegations that ...", "came to the conclusion that ...") without a list of such nouns.

import { REPORTING_LEMMAS } from '../data/speech.js';

const SUFFIXES = ['ation', 'ition', 'tion', 'sion', 'ion', 'ment', 'ance', 'ence', 'al', 'ing'];

/** The reporting verb a noun lemma is derived from, or null. */
export function nominalOfReporting(noun: string): string | null {
  for (const suffix of SUFFIXES) {
    if (!noun.endsWith(suffix) || noun.length - suffix.length < 3) continue;
    const stem = noun.slice(0, -suffix.length);
    // the spelling changes English makes at the junction: allege/allegation, deny/denial,
    // admit/admission, conclude/conclusion, insist/insistence
    for (const verb of [stem, `${stem}e`, stem.replace(/i$/, 'y'), stem.replace(/s$/, 't'), stem.replace(/s$/, 'de')]) {
      if (REPORTING_LEMMAS.has(verb)) return verb;
    }
  }
  return null;
}
