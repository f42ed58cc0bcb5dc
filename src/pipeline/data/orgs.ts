// General words that mark a name as an organisation or a place, and name particles.

/** Last words of organisation names ("... Agency", "... University", "... Inc."). */
export const ORG_SUFFIXES = new Set([
  'agency', 'agencies', 'association', 'associations', 'authority', 'bank', 'board', 'bureau', 'cabinet', 'church', 'club', 'coalition',
  'college', 'commission', 'committee', 'company', 'conference', 'congress', 'corporation', 'corp', 'corp.', 'co.', 'council',
  'court', 'department', 'directorate', 'division', 'federation', 'force', 'forces', 'foundation', 'front', 'fund', 'government',
  'group', 'guard', 'inc', 'inc.', 'institute', 'institution', 'league', 'ltd', 'ltd.', 'llc', 'plc', 'ministry', 'movement', 'navy', 'army',
  'network', 'news', 'office', 'organisation', 'organization', 'parliament', 'party', 'police', 'post', 'press', 'school', 'senate',
  'service', 'services', 'society', 'times', 'tribune', 'herald', 'journal', 'magazine', 'gazette', 'telegraph', 'guardian', 'daily',
  'union', 'university', 'academy', 'assembly', 'alliance', 'airlines', 'airways', 'brigade', 'bros', 'bros.', 'systems', 'technologies',
  'partners', 'holdings', 'industries', 'enterprises', 'motors', 'labs', 'laboratories', 'media', 'communications', 'studios', 'records',
  'pictures', 'entertainment', 'television', 'tv', 'radio', 'broadcasting', 'channel', 'weekly', 'monthly', 'review', 'reporter',
  'observer', 'standard', 'chronicle', 'mail', 'express', 'star', 'sun', 'examiner', 'inquirer', 'bulletin', 'wire', 'today',
  'commission', 'secretariat', 'tribunal', 'corps', 'team', 'squad', 'orchestra', 'choir', 'band', 'trust', 'charity',
  'center', 'centre', 'program', 'programme', 'project', 'initiative', 'campaign', 'caucus', 'consortium', 'cooperative',
  'exchange', 'district', 'command', 'org', 'inc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'fc', 'afc', 'united', 'city', 'rovers', 'athletic',
  'electronics', 'pharmaceuticals', 'therapeutics', 'biosciences', 'logistics', 'petroleum', 'ventures', 'aerospace',
  'bancorp', 'investments', 'chemicals', 'robotics', 'semiconductor', 'semiconductors', 'administration',
  // US federal bodies named for what they do: "Customs and Border Protection", "... Customs Enforcement"
  'protection', 'enforcement',
]);

/**
 * Last words of the names of firms and newspapers that only type a name (they take no part in
 * splitting runs at "and", unlike ORG_SUFFIXES): "X Provisions", "X Research", "X Courier". No word
 * that ends names of products or works.
 */
export const ORG_NAME_ENDINGS = new Set([
  'provisions', 'foods', 'brands', 'supplies', 'solutions', 'resources', 'consulting', 'consultants', 'capital', 'research',
  'analytics', 'insights', 'strategies', 'advisors', 'advisers', 'associates', 'energy', 'utilities', 'mining', 'minerals',
  'metals', 'steel', 'shipping', 'freight', 'telecom', 'pharma', 'biotech', 'insurance', 'securities', 'financial',
  'courier', 'dispatch', 'sentinel', 'advertiser', 'recorder', 'courant', 'ledger', 'register', 'enquirer', 'statesman', 'picayune', 'intelligencer',
  // the same words in other languages
  'energía', 'energia', 'energie', 'énergie', 'zeitung', 'verlag',
]);

/**
 * First words of organisation names in several languages, which no person's name starts with:
 * broadcasters ("Radio X"), clubs ("Olympique X", "Atlético X"), banks, groups and publishers,
 * newspapers ("Corriere X", "Diario X"), and articles that never open a person's name ("Il X").
 */
export const ORG_NAME_PREFIXES = new Set([
  'radio', 'olympique', 'atlético', 'atletico', 'sporting', 'deportivo', 'dynamo', 'dinamo', 'lokomotiv', 'spartak', 'borussia',
  'eintracht', 'grupo', 'gruppo', 'groupe', 'banco', 'banca', 'banque', 'compagnie', 'compañía', 'société', 'editorial',
  'ediciones', 'éditions', 'corriere', 'gazzetta', 'giornale', 'diario', 'jornal', 'folha', 'gazeta', 'courrier',
  'il', 'gli', 'het',
  // sports teams: "Team X"
  'team',
]);

/**
 * Names of parties and bodies that are also English words, capitalised alone in mid-sentence:
 * "Labour councillor X", "Labor won the seat" (the party in British and Australian news, the
 * department in American news).
 */
export const ORG_WORD_NAMES = new Set(['labour', 'labor']);

/**
 * Short names of the US federal executive departments that are English words, as written before
 * their secretary's title ("Treasury Secretary X", "Labor Secretary X"): there they name the department.
 */
export const US_DEPARTMENT_WORDS = new Set(['treasury', 'justice', 'state', 'defense', 'education', 'energy', 'commerce', 'labor', 'interior', 'agriculture', 'transportation', 'health', 'housing', 'veterans']);

/** Words of newspapers' names, for mastheads joined by a hyphen ("X Journal-Constitution", "X Post-Dispatch", "X Review-Journal"). */
export const NEWSPAPER_WORDS = new Set(['times', 'post', 'journal', 'tribune', 'herald', 'news', 'star', 'dispatch', 'courier', 'gazette', 'sentinel', 'telegram', 'telegraph', 'register', 'ledger', 'chronicle', 'examiner', 'inquirer', 'enquirer', 'picayune', 'constitution', 'democrat', 'republican', 'observer', 'bulletin', 'press', 'record', 'leader', 'globe', 'mail', 'express', 'review', 'argus', 'beacon', 'banner', 'statesman', 'citizen', 'advocate', 'advertiser', 'item', 'intelligencer']);

/** First words of organisation names followed by "of" ("University of ...", "Bank of ..."). */
export const ORG_HEADS_OF = new Set([
  'university', 'bank', 'ministry', 'department', 'church', 'council', 'court', 'institute', 'academy', 'college', 'school',
  'society', 'association', 'federation', 'league', 'union', 'office', 'house', 'board', 'bureau', 'commission', 'committee',
  'museum', 'order', 'party', 'friends', 'sons', 'knights', 'chamber', 'confederation', 'organisation', 'organization',
  'municipality', 'city', 'state', 'government', 'parliament', 'assembly', 'centre', 'center', 'centres', 'centers', 'institutes', 'corps', 'army', 'navy',
]);

/** Last words of place names ("... River", "... Street", "... Stadium"). */
export const LOC_SUFFIXES = new Set([
  'street', 'st.', 'avenue', 'ave.', 'road', 'rd.', 'boulevard', 'lane', 'square', 'plaza', 'bridge', 'river', 'lake', 'sea', 'ocean',
  'bay', 'gulf', 'strait', 'straits', 'channel', 'island', 'islands', 'isle', 'peninsula', 'mountain', 'mountains', 'mount', 'hill', 'hills',
  'valley', 'desert', 'forest', 'park', 'coast', 'beach', 'harbour', 'harbor', 'port', 'county', 'province', 'region', 'district',
  'state', 'territory', 'city', 'town', 'village', 'parish', 'township', 'borough', 'airport', 'station', 'stadium', 'arena', 'hall', 'tower', 'towers', 'building',
  'palace', 'castle', 'cathedral', 'temple', 'mosque', 'memorial', 'monument', 'museum', 'hospital', 'prison', 'camp', 'base',
  'square', 'heights', 'falls', 'canyon', 'glacier', 'volcano', 'reef', 'basin', 'delta', 'plain', 'plains', 'highway', 'motorway',
  'cave', 'garden', 'gardens', 'zoo', 'market', 'centre', 'center', 'house', 'gate', 'wall', 'pier', 'dam', 'canal', 'tunnel',
]);

/**
 * Last words of places named with a possessive, right after it: "X's Landing", "X's Wharf", "X's
 * Crossing" (a place named after its first owner; not "X's Party", an organisation of X's).
 */
export const POSSESSIVE_PLACE_HEADS = new Set(['landing', 'wharf', 'cross', 'crossing', 'point', 'creek', 'corner', 'green', 'end', 'wood', 'vineyard', 'hollow', 'ferry', 'mill', 'bluff', 'reach', 'cove', 'harbour', 'harbor']);

/** Last words of administrative places: a place inside such a name is the name itself ("Mexico City"). */
export const ADMIN_SUFFIXES = new Set(['city', 'county', 'province', 'state', 'region', 'territory', 'municipality', 'prefecture', 'oblast', 'town', 'village', 'parish', 'township', 'borough']);

/** Words that, as the first word of a multi-word name, make it a place ("Mount X", "Lake X"). */
export const LOC_PREFIXES = new Set([
  'mount', 'mt.', 'lake', 'river', 'gulf', 'bay', 'isle', 'loch', 'cape', 'port', 'fort', 'saint', 'st.', 'san', 'santa', 'los', 'las',
  'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater',
  // the same in other languages ("Alto X" is Upper X, "Puerto X" Port X), and squares and streets ("Piazza X", "Rue X")
  'alto', 'alta', 'bajo', 'baja', 'nuevo', 'nueva', 'novo', 'nova', 'sierra', 'isla', 'islas', 'puerto', 'monte', 'lago', 'cabo',
  'punta', 'bahía', 'ciudad', 'sankt', 'são', 'sao', 'santo', 'piazza', 'plaza', 'rue', 'avenida', 'calle', 'rua', 'praça',
]);

/**
 * Place words that take "of" inside a name, like the organisation heads of ORG_HEADS_OF: "Gulf of X",
 * "Port of X", "Isle of X", "Strait of X".
 */
export const LOC_HEADS_OF = new Set(['gulf', 'bay', 'port', 'isle', 'strait', 'straits', 'sea', 'cape']);

/**
 * Last words of natural places and open areas: a name before them is the place's own, never a
 * name nested in it ("X River", "X Park"), unlike a building named after someone ("X Stadium").
 */
export const NATURAL_PLACE_SUFFIXES = new Set([
  'river', 'lake', 'sea', 'ocean', 'bay', 'gulf', 'strait', 'straits', 'channel', 'island', 'islands', 'isle', 'peninsula', 'mountain',
  'mountains', 'hill', 'hills', 'valley', 'desert', 'forest', 'park', 'coast', 'beach', 'basin', 'delta', 'plain', 'plains',
  'canyon', 'glacier', 'volcano', 'reef', 'falls', 'heights', 'creek',
]);

/** Connectors allowed inside a capitalised name. */
export const NAME_PARTICLES = new Set(['de', 'do', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'dos', 'das', 'y', 'ben', 'abu']);

/** Named regions and continents (not in country data). */
export const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania', 'Antarctica', 'Arctic',
  'Middle East', 'Near East', 'Far East', 'Caribbean', 'Balkans', 'Scandinavia', 'Caucasus', 'Sahara', 'Sahel', 'Mediterranean',
  'Pacific', 'Atlantic', 'Indian Ocean', 'Pacific Ocean', 'Atlantic Ocean', 'Arctic Ocean', 'Southern Ocean', 'Persian Gulf',
  'Gulf of Mexico', 'South China Sea', 'East China Sea', 'Black Sea', 'Baltic Sea', 'Red Sea', 'Caspian Sea', 'North Sea',
  'Southeast Asia', 'South Asia', 'East Asia', 'Central Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa',
  'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe', 'Southern Europe',
  'Gaza Strip', 'West Bank', 'Silicon Valley', 'Himalayas',
  'Alps', 'Andes', 'Amazon', 'Nile', 'Mississippi', 'Siberia', 'Patagonia', 'Kashmir', 'Crimea', 'Donbas', 'Tibet', 'Xinjiang',
  'Midwest', 'New England', 'Horn of Africa', 'Iberian Peninsula', 'Arabian Peninsula',
];

/** Former states, still named in news. */
export const FORMER_STATES = ['Soviet Union', 'USSR', 'Yugoslavia', 'Czechoslovakia', 'East Germany', 'West Germany', 'Ottoman Empire', 'Roman Empire', 'Austria-Hungary', 'Prussia', 'Rhodesia', 'Burma', 'Zaire', 'Ceylon'];

/** Lower-case geographic nouns that make a place of the capitalised word before them ("the X peninsula"). */
export const LOWER_GEO_NOUNS = new Set(['peninsula', 'river', 'sea', 'ocean', 'strait', 'gulf', 'mountains', 'desert', 'archipelago', 'coast', 'lake', 'islands', 'valley']);
