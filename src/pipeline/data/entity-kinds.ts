// General English words that tell what kind of thing a name names, beyond people, organisations
// and places: facilities, products, events, laws, works, and groups of people (NORP). Each list is
// ordinary vocabulary (head nouns of names, nouns that follow or precede a name), not names.

/** Last words of facility names: buildings, transport, roads, bridges ("... Airport", "... Bridge"). */
export const FAC_SUFFIXES = new Set([
  'street', 'st.', 'avenue', 'ave.', 'road', 'rd.', 'boulevard', 'blvd.', 'lane', 'square', 'plaza', 'bridge', 'airport', 'station',
  'stadium', 'arena', 'hall', 'tower', 'towers', 'building', 'palace', 'castle', 'cathedral', 'temple', 'mosque', 'synagogue',
  'memorial', 'monument', 'museum', 'hospital', 'prison', 'jail', 'base', 'highway', 'motorway', 'freeway', 'expressway', 'tunnel',
  'dam', 'pier', 'gate', 'wall', 'terminal', 'library', 'theatre', 'theater', 'cinema', 'hotel', 'mall', 'court', 'plant', 'refinery',
  'mine', 'observatory', 'lighthouse', 'abbey', 'chapel', 'basilica', 'shrine', 'pavilion', 'auditorium', 'gallery', 'racecourse',
  'circuit', 'speedway', 'ballpark', 'field', 'garden', 'gardens', 'zoo', 'market', 'centre', 'center', 'house', 'embassy', 'consulate',
  // named rooms and halls of government buildings: "the Roosevelt Room", "the East Room"
  'room', 'rotunda',
]);

/**
 * Nouns after a name that make it a product: "the X browser", "an X smartphone", "the X rocket".
 * Only nouns that name made things; general ones ("system", "network", "platform") follow names of
 * organisations as often.
 */
export const PRODUCT_NOUNS = new Set([
  'browser', 'app', 'apps', 'software', 'smartphone', 'smartphones', 'handset', 'handsets', 'tablet', 'tablets', 'laptop', 'laptops',
  'console', 'consoles', 'headset', 'headsets', 'sedan', 'hatchback', 'airliner', 'airliners', 'jet', 'jets', 'helicopter',
  'helicopters', 'warship', 'frigate', 'destroyer', 'submarine', 'rocket', 'rockets', 'missile', 'missiles', 'spacecraft',
  'capsule', 'probe', 'rover', 'lander', 'satellite', 'satellites', 'telescope', 'vaccine', 'vaccines', 'chatbot',
]);

/** Last words of product names: "Hubble Space Telescope", "Mars Rover". */
export const PRODUCT_SUFFIXES = new Set(['telescope', 'rover', 'probe', 'lander', 'shuttle', 'satellite', 'spacecraft', 'rocket', 'capsule', 'browser', 'phone', 'console']);

/** Ship prefixes: "USS X", "HMS X". */
export const SHIP_PREFIXES = new Set(['uss', 'hms', 'hmas', 'hmcs', 'hmnzs', 'ins', 'mv', 'ss', 'rms']);

/** Last words of event names ("... War", "... Olympics", "... Festival"). */
export const EVENT_SUFFIXES = new Set([
  'war', 'wars', 'games', 'olympics', 'olympiad', 'paralympics', 'cup', 'championship', 'championships', 'tournament', 'festival',
  'expo', 'fair', 'exhibition', 'summit', 'conference', 'marathon', 'open', 'grand prix', 'tour', 'election', 'elections',
  'referendum', 'revolution', 'uprising', 'massacre', 'crisis', 'disaster', 'bowl', 'series', 'awards', 'ceremony', 'parade',
  'rally', 'derby', 'invitational', 'regatta', 'gala', 'biennale', 'convention', 'crusade',
  'rebellion', 'riots', 'protests', 'blitz', 'offensive', 'pandemic', 'epidemic', 'outbreak', 'scandal',
]);

/** First words of event names: "Hurricane X", "Operation X", "Battle of X". */
export const EVENT_PREFIXES = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'tropical', 'operation', 'battle', 'siege', 'tour']);

/** Nouns after a name that make it an event: "the X mission", "the X launch". */
export const EVENT_NOUNS = new Set(['mission', 'missions', 'expedition', 'spacewalk']);

/** Last words of names of laws, treaties and resolutions ("... Act", "... Treaty"). */
export const LAW_SUFFIXES = new Set([
  'act', 'acts', 'bill', 'treaty', 'accord', 'accords', 'agreement', 'protocol', 'amendment', 'constitution',
  'charter', 'code', 'statute', 'directive', 'regulation', 'regulations', 'resolution', 'ordinance', 'decree', 'covenant',
  'declaration', 'doctrine', 'conventions',
]);

/** First words of legal references followed by a number or "of": "Article 5", "Treaty of Rome". */
export const LAW_PREFIXES = new Set(['article', 'section', 'title', 'proposition', 'resolution', 'amendment', 'treaty', 'act', 'bill', 'convention', 'chapter', 'clause']);

/** Last words of the names of awards ("... Prize", "... Medal"): titled as works, as OntoNotes does. */
export const AWARD_SUFFIXES = new Set(['prize', 'prizes', 'award', 'medal', 'trophy']);

/** Nouns before a title that make it a work: "the film X", "her novel X". */
export const WORK_NOUNS_BEFORE = new Set([
  'film', 'movie', 'book', 'novel', 'memoir', 'biography', 'song', 'album', 'single', 'show', 'series', 'sitcom', 'drama',
  'documentary', 'opera', 'musical', 'play', 'painting', 'sculpture', 'poem', 'franchise', 'comic', 'manga', 'anime', 'episode',
  'podcast', 'essay', 'programme', 'trilogy', 'ballet', 'symphony', 'soundtrack', 'track', 'sequel', 'prequel', 'game', 'videogame',
]);

/**
 * Nouns after a name that make it a work: "the X films", "the X album". Fewer than before a title:
 * after a person's or company's name such a noun is mostly about or by them ("the Ruiz documentary").
 */
export const WORK_NOUNS_AFTER = new Set(['film', 'films', 'movie', 'movies', 'novel', 'novels', 'album', 'albums', 'franchise', 'trilogy', 'saga', 'musical', 'opera', 'sitcom', 'series', 'books', 'comics', 'manga', 'anime']);

/** Words that introduce a title: "a book titled X", "the show called X". */
export const TITLE_INTRODUCERS = new Set(['titled', 'entitled', 'called', 'named', 'dubbed']);

/** Members of religions and political movements, capitalised: NORP beside the demonyms of countries. */
export const GROUP_WORDS = new Set([
  'muslim', 'muslims', 'christian', 'christians', 'jew', 'jews', 'jewish', 'catholic', 'catholics', 'protestant', 'protestants',
  'hindu', 'hindus', 'buddhist', 'buddhists', 'sikh', 'sikhs', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'evangelical',
  'evangelicals', 'mormon', 'mormons', 'anglican', 'anglicans', 'methodist', 'methodists', 'baptist', 'baptists', 'lutheran',
  'lutherans', 'orthodox', 'islamic', 'islamist', 'islamists', 'jihadist', 'jihadists', 'zionist', 'zionists', 'democrat',
  'democrats', 'democratic', 'republican', 'republicans', 'tory', 'tories', 'socialist', 'socialists', 'communist', 'communists',
  'marxist', 'marxists', 'maoist', 'maoists', 'nazi', 'nazis', 'fascist', 'fascists', 'liberal', 'liberals', 'conservative',
  'conservatives', 'libertarian', 'libertarians', 'labourite', 'bolshevik', 'bolsheviks', 'arab', 'arabs',
  'kurd', 'kurds', 'kurdish', 'latino', 'latinos', 'latina', 'latinas', 'hispanic', 'hispanics', 'african', 'africans',
  'european', 'europeans', 'asian', 'asians', 'aboriginal', 'pashtun', 'pashtuns', 'tamil', 'tamils', 'uyghur', 'uyghurs',
  'rohingya', 'palestinians', 'israelis', 'yazidi', 'yazidis', 'druze', 'alawite', 'alawites', 'maori', 'inuit',
]);

/** Names of deities: persons, not organisations (names shared with planets, missions or groups left out). */
export const DEITIES = new Set(['god', 'allah', 'jesus', 'christ', 'yahweh', 'jehovah', 'buddha', 'krishna', 'vishnu', 'shiva', 'brahma', 'ganesha', 'zeus', 'odin']);

/** Letters after a person's name that are honours or qualifications, not organisations ("QC", "OBE", "PhD"). */
export const POST_NOMINALS = new Set([
  'qc', 'kc', 'sc', 'mp', 'msp', 'mep', 'mla', 'mpp', 'md', 'phd', 'dphil', 'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'gbe', 'ch', 'om',
  'frs', 'freng', 'fba', 'jp', 'dl', 'esq', 'esq.', 'rn', 'cpa', 'mba', 'llb', 'llm', 'ba', 'bsc', 'msc', 'ma', 'dds', 'do', 'vc', 'gc',
]);

/** First words of roads and other numbered facilities: "Route 66", "Terminal 5". */
export const NUMBERED_FAC_WORDS = new Set(['route', 'highway', 'interstate', 'motorway', 'road', 'terminal', 'gate', 'pier', 'platform', 'building', 'hangar', 'runway', 'studio']);

/** Calendar names ("Independence Day", "Holy Week"): dates, not entities; a place inside them still is. */
export const CALENDAR_NAME_ENDINGS = new Set(['day', 'days', 'week', 'year', 'season', 'eve']);

/** Head words after which "of" continues a name of an event or a law: "Battle of X", "Treaty of X", "Bill of Rights". */
export const KIND_HEADS_OF = new Set(['battle', 'siege', 'treaty', 'bill', 'act', 'convention', 'declaration', 'festival', 'charter', 'statute']);
