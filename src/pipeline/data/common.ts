// General English words that are capitalised at the start of a sentence or in headlines but are
// not names, and calendar words (dates are not entities here).

export const COMMON_WORDS = new Set(
  (
    'a about above according across after afterwards again against ago ahead all almost alone along already also although always am ' +
    'among amongst an and another any anyone anything anyway anywhere are around as at back be became because become becomes been ' +
    'before beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done down ' +
    'due during each early earlier either else elsewhere enough even ever every everyone everything everywhere except few first for ' +
    'former formerly from further furthermore had has have having he hence her here hereafter hers herself him himself his how however ' +
    'i if in indeed instead into is it its itself just last later least less like likely many may me meanwhile might mine more ' +
    'moreover most mostly much must my myself namely neither never nevertheless next no nobody none nonetheless nor not nothing now ' +
    'nowhere of off often on once one only onto or other others otherwise our ours ourselves out over overall own per perhaps ' +
    'please quite rather really same several she should since so some somehow someone something sometimes somewhere soon still such ' +
    'than that the their theirs them themselves then there thereafter thereby therefore these they this those though through ' +
    'throughout thus to today together tomorrow too toward towards under unless until up upon us very via was we well were what ' +
    'whatever when whenever where whereas wherever whether which while who whoever whole whom whose why will with within without ' +
    'would yes yet yesterday you your yours yourself yourselves ' +
    'new old big small large great good bad best better worse worst high low long short full free open close top major minor main ' +
    'meanwhile additionally finally initially previously recently currently similarly likewise consequently accordingly ' +
    'earlier later following despite amid amidst unlike regarding concerning including excluding considering given ' +
    'two three four five six seven eight nine ten hundreds thousands millions dozens some most many several various ' +
    'asked speaking talking writing reporting according based hoping adding noting saying ' +
    'officials analysts experts police critics supporters residents witnesses sources reports people authorities leaders ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'spring summer autumn fall winter christmas easter today tonight ' +
    'breaking update updated exclusive analysis opinion editorial comment photo photos video watch read more related ' +
    'here there now then yes no ok okay oh well hello thanks thank please sorry'
  ).split(/\s+/),
);

/** Calendar words: never entities. */
export const CALENDAR_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter ramadan'
  ).split(' '),
);

/** Capitalised words for peoples, languages, religions and broad adjectives: not entities. */
export const NON_ENTITY_CAPITALISED = new Set(
  (
    'english spanish arabic mandarin cantonese hindi urdu bengali portuguese russian french german italian japanese korean ' +
    'chinese latin greek hebrew persian farsi turkish swahili dutch polish ukrainian ' +
    'muslim muslims christian christians christianity islam islamic jewish jew jews judaism catholic catholics protestant ' +
    'protestants hindu hindus buddhist buddhists sikh sikhs sunni shia shiite evangelical orthodox atheist atheists ' +
    'european europeans african africans asian asians american americans western eastern northern southern arab arabs ' +
    'latino latina hispanic caucasian black white indigenous aboriginal north south east west internet web ' +
    // adjectives of a country's regions: "a Midwestern governor"
    'midwestern northeastern northwestern southeastern southwestern ' +
    'state government year match world nation republic kingdom empire federal national international sheriff'
  ).split(' '),
);

/** Upper-case abbreviations that are not names of organisations or places. */
export const NON_ENTITY_ACRONYMS = new Set(
  (
    'tv ceo cfo coo cto gmt utc bst est pst html http https url www pdf usb cd dvd sms mms id iq vip dna rna hiv aids ' +
    'covid sars gdp ok am pm bc ad ft fm am faq diy asap rsvp lol omg ps pc mp mps pr hr it ai vr ar ev suv atm pin ' +
    'bbq aka eta fyi mvp ufo ipo led lcd gps mri ct icu er ppe nb ' +
    // a political action committee: a kind of body, not one ("a super PAC")
    'pac'
  ).split(' '),
);
