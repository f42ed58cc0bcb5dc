// General English speech and reporting verbs. The inflected lists (SPEECH_VERBS,
// INVERTABLE_SPEECH_VERBS) serve the tokenizer and the entity stage as context words; the
// attribution stages work on lemmas and syntax, with the small lemma sets at the end of this file.

const BASES: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  state: ['state', 'states', 'stated', 'stating'],
  note: ['note', 'notes', 'noted', 'noting'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  answer: ['answer', 'answers', 'answered'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  post: ['posted'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  accuse: ['accuse', 'accuses', 'accused', 'accusing'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  call: ['called', 'calls', 'calling'],
  describe: ['describe', 'describes', 'described', 'describing'],
  quote: ['quote', 'quotes', 'quoted', 'quoting'],
  comment: ['comment', 'comments', 'commented', 'commenting'],
  remark: ['remark', 'remarks', 'remarked'],
  report: ['report', 'reports', 'reported', 'reporting'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged'],
  suggest: ['suggest', 'suggests', 'suggested'],
  predict: ['predict', 'predicts', 'predicted'],
  promise: ['promise', 'promises', 'promised', 'promising'],
  vow: ['vow', 'vows', 'vowed'],
  pledge: ['pledge', 'pledges', 'pledged'],
  demand: ['demand', 'demands', 'demanded'],
  deny: ['deny', 'denies', 'denied'],
  confirm: ['confirm', 'confirms', 'confirmed'],
  continue: ['continued', 'continues'],
  conclude: ['conclude', 'concludes', 'concluded'],
  recall: ['recall', 'recalls', 'recalled'],
  describeAs: [],
  invite: ['invite', 'invites', 'invited'],
  hope: ['hope', 'hopes', 'hoped'],
  believe: ['believe', 'believes', 'believed'],
  think: ['think', 'thinks', 'thought'],
  write2: ['wrote'],
  emphasise: ['emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized', 'stress', 'stresses', 'stressed'],
  mention: ['mention', 'mentions', 'mentioned'],
  observe: ['observe', 'observes', 'observed'],
  point: ['pointed'],
  complain: ['complain', 'complains', 'complained'],
  criticise: ['criticise', 'criticised', 'criticize', 'criticized', 'criticises', 'criticizes'],
  praise: ['praise', 'praised', 'praises'],
  condemn: ['condemn', 'condemned', 'condemns'],
  cite: ['cite', 'cited', 'cites'],
  shout: ['shout', 'shouted', 'shouts', 'yell', 'yelled', 'cry', 'cried', 'exclaim', 'exclaimed', 'whisper', 'whispered'],
  agree: ['agree', 'agreed', 'agrees'],
  brand: ['branded', 'labelled', 'labeled', 'dubbed', 'termed'],
  testify: ['testify', 'testified', 'testifies'],
  blog: ['blogged'],
  speak: ['speaking', 'spoke', 'speaks'],
  reveal: ['reveal', 'revealed', 'reveals'],
  recount: ['recount', 'recounted', 'recounts'],
  boast: ['boast', 'boasted', 'boasts'],
  joke: ['joke', 'joked', 'jokes'],
  concede: ['concede', 'conceded', 'concedes'],
  allege: ['allege', 'alleged', 'alleges'],
  assert: ['assert', 'asserted', 'asserts'],
  maintain: ['maintain', 'maintained', 'maintains'],
  feel: ['feel', 'feels', 'felt'],
  wonder: ['wonder', 'wondered', 'wonders'],
  encourage: ['encourage', 'encouraged', 'encourages'],
  thank: ['thanked', 'thanks'],
  read: ['reads'],
  reason: ['reasoned', 'reasons'],
  elaborate: ['elaborated', 'elaborates'],
  clarify: ['clarified', 'clarifies'],
  summarise: ['summarised', 'summarized'],
  insist2: ['contended', 'contends', 'countered', 'counters', 'retorted', 'quipped', 'mused', 'lamented', 'conceded'],
  estimate: ['estimate', 'estimated', 'estimates'],
};

export const SPEECH_VERBS = new Set<string>(Object.values(BASES).flat());

/** Verbs whose subject follows them in inverted cues ('"...", said X'). */
export const INVERTABLE_SPEECH_VERBS = new Set([
  'said', 'says', 'added', 'adds', 'asked', 'explained', 'continued', 'wrote', 'writes', 'warned', 'noted', 'replied', 'insisted',
  'declared', 'remarked', 'tweeted', 'stated', 'concluded', 'answered', 'responded', 'argued', 'claimed', 'commented', 'told',
]);

/** Lemmas of verbs of speech: "said", "warned", "tweeted". */
export const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'add', 'state', 'claim', 'announce', 'report', 'explain', 'note', 'warn', 'write', 'reply', 'respond', 'answer',
  'ask', 'declare', 'insist', 'argue', 'assert', 'contend', 'confirm', 'deny', 'admit', 'acknowledge', 'concede', 'suggest',
  'predict', 'estimate', 'reveal', 'complain', 'allege', 'accuse', 'comment', 'remark', 'observe', 'mention', 'stress', 'emphasize',
  'emphasise', 'testify', 'recall', 'promise', 'vow', 'pledge', 'agree', 'conclude', 'indicate', 'tweet', 'post', 'quote', 'caution',
  'assure', 'inform', 'remind', 'notify', 'repeat', 'reiterate', 'boast', 'joke', 'quip', 'retort', 'continue', 'speculate',
  'question', 'signal', 'hint', 'dispute',
]);

/** Lemmas of thought, belief and perception: they report what a source thinks, never its words. */
export const THOUGHT_LEMMAS = new Set([
  'think', 'believe', 'feel', 'hope', 'fear', 'expect', 'know', 'suspect', 'doubt', 'wonder', 'guess', 'reckon', 'understand',
  'realize', 'realise', 'worry', 'hear', 'learn',
]);

/** Lemmas of findings ("the study found", "the data show"). */
export const FINDING_LEMMAS = new Set(['find', 'show', 'demonstrate', 'prove', 'determine']);

/**
 * Lemmas of verbs that report speech, thought or findings and take their content without "that"
 * ("said the plan failed", "believes prices will rise") or stand after it ("..., she said"). Any
 * other verb becomes a cue through its syntax alone (a "that" clause, a quotation beside it).
 */
export const REPORTING_LEMMAS = new Set([...SPEECH_LEMMAS, ...THOUGHT_LEMMAS, ...FINDING_LEMMAS]);

/** Lemmas whose object is the listener: "told reporters (that) ...", "assured them that ...". */
export const LISTENER_LEMMAS = new Set(['tell', 'ask', 'assure', 'inform', 'remind', 'notify', 'warn', 'advise', 'convince', 'persuade', 'promise', 'teach', 'show', 'email', 'text', 'write']);

/**
 * Lemmas that take a "that" clause without reporting anyone's words or thoughts ("ensured that",
 * "it means that", "so that"): no cue however the clause looks.
 */
export const NON_REPORTING_LEMMAS = new Set(['be', 'have', 'do', 'mean', 'ensure', 'make', 'require', 'seem', 'appear', 'cause', 'see', 'order', 'provide', 'happen', 'follow', 'matter', 'get', 'give', 'decide']);

/**
 * Nouns that name what someone said or wrote ("X's statement said", "her letter says"): with a
 * possessor, the possessor is the source.
 */
export const MESSAGE_NOUNS = new Set([
  'statement', 'letter', 'release', 'post', 'tweet', 'message', 'memo', 'email', 'filing', 'complaint', 'lawsuit', 'announcement',
  'notice', 'speech', 'interview', 'testimony', 'remarks', 'comments', 'blog', 'column', 'editorial', 'op-ed', 'letter',
]);

/**
 * Nouns that name a document or a finding ("the ministry's report found", "a study by X shows"):
 * the document itself is the source (its author may be in its words, "the ministry's report").
 */
export const DOCUMENT_NOUNS = new Set([
  'report', 'study', 'survey', 'poll', 'analysis', 'review', 'document', 'website', 'site', 'article', 'paper', 'ruling',
  'indictment', 'account', 'data', 'figures', 'records', 'research', 'findings', 'investigation', 'audit', 'census', 'assessment',
]);

/** Suffixes that make nouns of verbs ("allegation" <- "allege", "statement" <- "state"), for noun cues. */
export const NOMINAL_SUFFIXES = ['ation', 'ition', 'tion', 'sion', 'ment', 'ance', 'ence', 'al', 'ure', 'y', 's'];

/** Light verbs whose subject is the source of the message noun they take ("issued a warning that"). */
export const SUPPORT_LEMMAS = new Set(['make', 'issue', 'release', 'express', 'voice', 'repeat', 'reiterate', 'give', 'offer', 'come', 'reach', 'publish', 'post', 'send', 'file', 'put', 'raise', 'level']);

/** Words of time: never a source ("Friday morning said" has no speaker in "Friday morning"). */
export const TIME_NOUNS = new Set([
  'today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'day', 'days', 'week', 'weeks', 'weekend',
  'month', 'months', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'decade', 'decades', 'century', 'time', 'times', 'ago',
  'earlier', 'later', 'now', 'then', 'moment', 'season', 'date', 'period',
]);

/**
 * Speech acts whose clause may hold the speaker's own words in quotation marks further on
 * ("invited X to visit \"at a convenient time\"", "praised the team for its \"courage\""): the
 * quoted words are the act's subject's even inside someone else's report.
 */
export const SPEECH_ACT_LEMMAS = new Set([
  'invite', 'urge', 'call', 'describe', 'praise', 'criticize', 'criticise', 'condemn', 'denounce', 'thank', 'welcome', 'blame',
  'reject', 'dismiss', 'label', 'brand', 'dub', 'term', 'hail', 'defend', 'question', 'challenge', 'demand', 'request', 'propose',
  'recommend', 'offer', 'advise', 'threaten', 'apologize', 'apologise', 'congratulate', 'refer', 'characterize', 'characterise',
]);

/**
 * Adjectives of a stance that take a clause without "that" ("are concerned the law will change",
 * "was confident the vote would pass"); with "that", any adjective after "be" is a cue.
 */
export const STANCE_ADJECTIVES = new Set([
  'concerned', 'worried', 'confident', 'convinced', 'sure', 'certain', 'afraid', 'hopeful', 'optimistic', 'pessimistic', 'adamant',
  'aware', 'unsure', 'uncertain', 'skeptical', 'sceptical', 'satisfied', 'disappointed', 'glad', 'pleased',
]);
