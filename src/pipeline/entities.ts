// Entities and mentions: the entity stages in order (each in ./entities/, listed in README.md).
// Pure and linear in the text's length. Works on tokens; offsets are UTF-16 indices here.

import { estimateGender, givenNameOf } from './gender.js';
import { buildCaseView } from './entities/case-view.js';
import { collectPersonRoles } from './entities/roles.js';
import { collectDocumentEvidence } from './entities/document-evidence.js';
import { linkCandidates } from './entities/link.js';
import { indexMentions, sortMentions } from './entities/mention-index.js';
import type { EntityInput, EntityResult } from './entities/model.js';
import { findReferences } from './entities/references.js';
import { findCandidates } from './entities/runs.js';

export type { Entity, EntityInput, EntityResult, Mention } from './entities/model.js';

export function extractEntities(input: EntityInput): EntityResult {
  // 0. where capitals say nothing (headlines, Title Case and ALL-CAPS lines), and names in capitals seen in Title Case
  const { tokens, caseless, lowerWords } = buildCaseView(input.tokens, input.sentences, input.headlineBlocks);
  const viewed = { ...input, tokens };
  // 1. what the article says about its words (lower-case uses, capitalised uses, initials)
  const evidence = collectDocumentEvidence(tokens, caseless, lowerWords);
  // 2-3. runs of capitalised words, split into name candidates, with names nested in them
  const candidates = findCandidates(viewed, evidence, caseless);
  // 4-5. typed (classify.ts, kind-cues.ts, product-lines.ts) and linked into entities and name mentions
  const { entities, mentions } = linkCandidates(tokens, candidates, caseless);
  // a mention's type is its entity's final type (a later mention may have retyped it)
  for (const m of mentions) m.type = entities[m.entity]!.type;
  // 6. roles seen with each person, for nominal mentions
  collectPersonRoles(tokens, entities, mentions);
  sortMentions(mentions);
  const named = indexMentions(mentions, tokens.length);
  // 7. nominal and pronoun mentions
  const { extra, pronouns } = findReferences({ ...viewed, entities, mentions, ...named });
  for (const m of extra) {
    mentions.push(m);
    entities[m.entity]!.count++;
  }
  // 8. a gender estimate for each person, from the given name and the pronouns resolved to it
  entities.forEach((en, e) => {
    if (en.type === 'PERSON') en.gender = estimateGender(givenNameOf(en.nameTokens), pronouns.get(e));
  });
  sortMentions(mentions);
  return { entities, mentions, ...indexMentions(mentions, tokens.length) };
}
