import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// IPTC's ninjs 3.1 JSON Schema (test/fixtures/ninjs-schema_3.1.json), compiled once.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
// The ninjs schema refers to GeoJSON for place geometry; any object stands in for it offline.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });

/** True when the document is valid ninjs 3.1; `validNinjs31.errors` says why not. */
export const validNinjs31 = ajv.compile(
  JSON.parse(readFileSync(new URL('../fixtures/ninjs-schema_3.1.json', import.meta.url), 'utf8')) as object,
);
