// General titles, honorifics and role nouns used before or instead of a person's name.

/** Capitalised titles that precede a person's name ("President X", "Chairman X", "Dr. X"). */
export const PERSON_TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice', 'chairman', 'chairwoman', 'chairperson', 'chair', 'premier', 'chancellor', 'minister', 'secretary',
  'senator', 'sen.', 'sen', 'congressman', 'congresswoman', 'representative', 'rep.', 'governor', 'gov.', 'mayor', 'judge', 'justice',
  'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sheikh', 'sultan', 'emir', 'pope', 'cardinal', 'bishop', 'archbishop',
  'rev.', 'reverend', 'father', 'rabbi', 'imam', 'ayatollah', 'general', 'gen.', 'colonel', 'col.', 'major', 'captain', 'capt.',
  'lieutenant', 'lt.', 'sergeant', 'sgt.', 'admiral', 'commander', 'marshal', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'spokesperson', 'director', 'coach', 'officer', 'detective', 'inspector', 'chief', 'deputy', 'leader', 'ceo', 'founder',
  'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'home', 'attorney', 'head', 'speaker', 'commissioner',
  'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'player', 'captain', 'member', 'dean', 'superintendent',
  'constable', 'sheriff', 'crown', 'shadow', 'acting', 'interim', 'former', 'senior', 'junior', 'assistant', 'associate', 'chef', 'agent', 'author', 'writer', 'actor', 'actress', 'singer', 'analyst', 'economist', 'lawyer', 'dr', 'st',
  'secretary-general', 'attorney-general', 'director-general', 'governor-general', 'vice-president', 'vice-chairman',
  'vice-chair', 'commander-in-chief', 'editor-in-chief', 'cfo', 'coo', 'cto', 'editor', 'executive',
  'cllr', 'cllr.', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'assemblyman', 'assemblywoman',
  'mp', 'mep', 'msp', 'mla',
  // the head of a US federal agency: "EPA Administrator X"
  'administrator',
  // a company's chief officers: "Chief Financial Officer X", "Chief Operating Officer X"
  'financial', 'operating', 'technology', 'marketing', 'medical', 'legal',
]);

/** Officers' titles written in capitals after their company's name ("Acme CEO X"). */
export const CORPORATE_TITLES = new Set(['ceo', 'cfo', 'coo', 'cto']);

/** Titles that are names of a person when used alone with a name ("Mr", "Dr"): strong person cues. */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady']);

/** Role nouns that, after "the" (and an optional nationality), refer to a person ("the North Korean leader"). */
export const PERSON_ROLE_NOUNS = new Set([
  'sheriff', 'constable', 'majority', 'minority', 'whip',
  'leader', 'president', 'chairman', 'chairwoman', 'premier', 'chancellor', 'minister', 'secretary', 'senator', 'governor',
  'mayor', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'spokesperson', 'director', 'coach', 'ceo', 'founder', 'chief', 'general', 'commander', 'judge', 'head', 'professor',
  'manager', 'boss', 'dictator', 'monarch', 'lawmaker', 'congressman', 'congresswoman', 'official', 'diplomat', 'actor',
  'actress', 'singer', 'author', 'star', 'striker', 'captain', 'businessman', 'businesswoman', 'billionaire', 'activist',
  'scientist', 'researcher', 'economist', 'analyst', 'lawyer', 'attorney', 'teenager', 'student', 'boy', 'girl', 'man', 'woman',
]);

/** Nouns that, after "the", refer to an organisation ("the agency", "the company"). */
export const ORG_ROLE_NOUNS = new Set([
  'agency', 'company', 'firm', 'group', 'organisation', 'organization', 'ministry', 'department', 'government', 'party',
  'university', 'council', 'committee', 'commission', 'bank', 'court', 'newspaper', 'paper', 'broadcaster', 'network',
  'church', 'club', 'team', 'union', 'association', 'foundation', 'institute', 'board', 'corporation', 'charity', 'website',
  'site', 'magazine', 'journal', 'channel', 'station', 'office', 'authority', 'federation', 'league', 'band', 'service',
]);

export const PERSON_PRONOUNS_SUBJ = new Set(['he', 'she']);
export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);
