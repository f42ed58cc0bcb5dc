// Word-formation checks on lemmas: is a noun made from a reporting verb ("allegation" from
// "allege", "conclusion" from "conclude", "denial" from "deny")? Then it can carry a message
// ("allegations that ...", "came to the conclusion that ...") without a list of such nouns. And
// could a word be a form of a reporting verb ("said", "tells", "admitting")? That question needs
// no tagger, so it decides which sentences are worth tagging at all.

import { DOCUMENT_NOUNS, LISTENER_LEMMAS, MESSAGE_NOUNS, NON_REPORTING_LEMMAS, REPORTING_LEMMAS, SPEECH_ACT_LEMMAS, SUPPORT_LEMMAS } from '../data/speech.js';

const SUFFIXES = ['ation', 'ition', 'tion', 'sion', 'ion', 'ment', 'ance', 'ence', 'al', 'ing'];

/** The reporting verb a noun lemma is derived from, or null. */
export function nominalOfReporting(noun: string): string | null {
  for (const suffix of SUFFIXES) {
    if (!noun.endsWith(suffix) || noun.length - suffix.length < 3) continue;
    const stem = noun.slice(0, -suffix.length);
    // the spelling changes English makes at the junction: allege/allegation, deny/denial,
    // admit/admission, conclude/conclusion, insist/insistence
    // (a restored "e" needs a stem of five letters: "station" is not made from "state")
    for (const verb of [stem, stem.length >= 5 ? `${stem}e` : stem, stem.replace(/i$/, 'y'), stem.replace(/s$/, 't'), stem.replace(/s$/, 'de')]) {
      if (REPORTING_LEMMAS.has(verb)) return verb;
    }
  }
  return null;
}

/** Past forms of the reporting lemmas that English does not make with -ed. */
const IRREGULAR_FORMS = ['said', 'told', 'wrote', 'written', 'thought', 'felt', 'knew', 'known', 'found', 'heard', 'understood', 'shown', 'proven', 'learnt', 'foretold'];

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, `${lemma}es`, `${lemma}d`, `${lemma}ed`, `${stem}ing`, `${lemma}ing`];
  if (lemma.endsWith('y')) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  // a doubled final consonant: admit -> admitted, admitting
  const last = lemma[lemma.length - 1]!;
  if (/[bdgklmnprt]/.test(last)) forms.push(`${lemma}${last}ed`, `${lemma}${last}ing`);
  return forms;
}

const REPORTING_FORMS = new Set<string>([...IRREGULAR_FORMS, ...[...REPORTING_LEMMAS].flatMap(regularForms)]);

/** The word (lower case) may be a form of a reporting verb: a superset, by spelling alone. */
export function mayBeReportingForm(lower: string): boolean {
  return REPORTING_FORMS.has(lower);
}

/** Irregular forms of the other lemma sets' verbs (be, have, do, make, see, get, give, come, ...). */
const IRREGULAR_OF: Record<string, string[]> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re"],
  have: ['has', 'had', 'having', "'ve"],
  do: ['does', 'did', 'done', 'doing'],
  mean: ['meant'],
  make: ['made'],
  see: ['saw', 'seen'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  come: ['came'],
  send: ['sent'],
  put: ['put'],
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  think: ['thought'],
  feel: ['felt'],
  know: ['knew', 'known'],
  find: ['found'],
  hear: ['heard'],
  understand: ['understood'],
  show: ['shown'],
  prove: ['proven'],
  learn: ['learnt'],
  teach: ['taught'],
  file: [],
};

/**
 * Every form of every lemma the attribution stages ask about, with its lemma. The stages only ask
 * whether a word's lemma is in one of the small sets of data/speech.ts, so a word outside this
 * map needs no lemma at all; one lookup replaces the tagger's lemmatiser (a tenth of the stage's
 * time when it ran for every verb).
 */
const FORM_LEMMA = new Map<string, string>();
for (const set of [NON_REPORTING_LEMMAS, REPORTING_LEMMAS, SPEECH_ACT_LEMMAS, LISTENER_LEMMAS, SUPPORT_LEMMAS, new Set(['quote', 'cite', 'accuse', 'put'])]) {
  for (const lemma of set) {
    for (const form of [...regularForms(lemma), ...(IRREGULAR_OF[lemma] ?? [])]) if (!FORM_LEMMA.has(form)) FORM_LEMMA.set(form, lemma);
  }
}
for (const set of [MESSAGE_NOUNS, DOCUMENT_NOUNS]) for (const noun of set) FORM_LEMMA.set(noun, noun);

/**
 * The lemma of a word as the stages need it: from the forms of the lemma sets, else for a noun
 * its singular ("allegations" -> "allegation", for nouns made from reporting verbs), else the word.
 */
export function lemmaOf(lower: string, noun: boolean): string {
  const known = FORM_LEMMA.get(lower);
  if (known !== undefined) return known;
  if (!noun || lower.length < 4 || !lower.endsWith('s') || lower.endsWith('ss')) return lower;
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}
