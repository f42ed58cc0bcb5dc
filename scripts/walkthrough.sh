#!/usr/bin/env bash
# A walk-through of the API with curl and jq, against a running service (`npm start`):
#   NEWS_ANNOTATIONS_API_KEY=na_... bash scripts/walkthrough.sh
# The key is the admin key the first start printed (or ADMIN_API_KEY). API defaults to
# http://127.0.0.1:3000/v1. Every id and ETag is read from an answer; nothing is copied by hand.
# Run it from the repository root (it ingests test/fixtures/vladivostok-summit.txt).
set -euo pipefail
: "${NEWS_ANNOTATIONS_API_KEY:?set NEWS_ANNOTATIONS_API_KEY to an admin key}"
API=${API:-http://127.0.0.1:3000/v1}
H="authorization: Bearer $NEWS_ANNOTATIONS_API_KEY"
STORY=test/fixtures/vladivostok-summit.txt
api() { curl -sS --fail-with-body -H "$H" "$@"; }
# The ETag of a resource, read from the headers of a GET.
etag() { curl -sS --fail-with-body -H "$H" -o /dev/null -D - "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }

# Ingest the example wire story as text/plain: 201 with Location and the article with its counts
# (200 with the stored article when it is already there).
ID=$(api -X POST "$API/articles" -H 'content-type: text/plain' --data-binary @"$STORY" | jq -r .id)
api "$API/articles/$ID" | jq -c '{headline, source, dateline, counts}'
api "$API/articles/$ID/paragraphs?limit=3" | jq -r '.items[].text[0:70]'
api "$API/articles/$ID/quotes?limit=5" | jq -c '.items[] | {text: .text[0:50], speaker: .speaker.canonicalName, rule: .attribution.rule}'
api "$API/articles/$ID/entities?limit=5" | jq -c '.items[] | {canonicalName, type, mentions: (.mentions | length)}'
api "$API/articles?limit=10" | jq -r '.items[] | "\(.id) \(.headline)"'

# JSON works too: headline and body, or the wire text as {"text": ...}.
api -X POST "$API/articles" -H 'content-type: application/json' \
  -d '{"headline":"Harbour reopens","body":"\"We are relieved,\" said the harbour master.","source":"Example Wire","externalId":"ew-1"}' |
  jq -c '{id, headline, quotes: .counts.quotes}'

# An editor gives a quote to Vladimir Putin, then rejects it, then takes the rejection back.
E=$(api "$API/entities?q=putin&type=PERSON&limit=1" | jq -r '.items[0].id')
Q=$(api "$API/articles/$ID/quotes?limit=100" | jq -r --arg e "$E" '[.items[] | select(.speaker.id != $e)][0].id')
api -X PATCH "$API/articles/$ID/quotes/$Q" -H "if-match: $(etag "$API/articles/$ID/quotes/$Q")" \
  -H 'content-type: application/json' -d "{\"speakerEntityId\":\"$E\"}" | jq -c '{speaker: .speaker.canonicalName, version}'
api -X PATCH "$API/articles/$ID/quotes/$Q" -H "if-match: $(etag "$API/articles/$ID/quotes/$Q")" \
  -H 'content-type: application/json' -d '{"reviewStatus":"rejected"}' | jq -c '{reviewStatus: .provenance.reviewStatus}'
# A stale ETag is refused: 412 precondition-failed (curl prints the problem and the status).
curl -sS -o /dev/null -w 'a stale If-Match: %{http_code}\n' -H "$H" -X PATCH "$API/articles/$ID/quotes/$Q" \
  -H 'if-match: "1"' -H 'content-type: application/json' -d '{"reviewStatus":"confirmed"}'
api "$API/articles/$ID/history?limit=20" | jq -c '.items[] | {action, actor, at: .createdAt}'
EVENT=$(api "$API/articles/$ID/quotes/$Q/history" | jq -r '.items[-1].id')
api -X POST "$API/articles/$ID/quotes/$Q/revert" -H 'content-type: application/json' \
  -d "{\"eventId\":\"$EVENT\"}" | jq -c '{reviewStatus: .provenance.reviewStatus}'

# A corrected text is a revision: the apostrophes lost on the wire (U+00A0 s) restored.
CORRECTED=$(mktemp)
trap 'rm -f "$CORRECTED"' EXIT
sed "s/\xc2\xa0s\b/'s/g" "$STORY" >"$CORRECTED"
api -X PUT "$API/articles/$ID" -H "if-match: $(etag "$API/articles/$ID")" -H 'content-type: text/plain' \
  --data-binary @"$CORRECTED" | jq -c '{revision, version, headline}'
api "$API/articles/$ID/revisions" | jq -c '.items[] | {revision, current}'
api "$API/articles/$ID/revisions/1" | jq -r '.text[0:60]'

# Across articles, and the standard formats.
api "$API/entities?q=putin&type=PERSON" | jq -c '.items[] | {id, canonicalName}'
api "$API/entities/$E/quotes?limit=3" | jq -r '.items[].text[0:70]'
api "$API/quotes?q=sovereignty" | jq -r '.items[].text[0:70]'
api -H 'accept: application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' "$API/articles/$ID/annotations" |
  jq -c '{type, total}'
api -H 'accept: application/vnd.iptc.ninjs+json' "$API/articles/$ID" | jq -c '{uri, people: (.people | length)}'
echo "walk-through done: article $ID"
