import fastJsonStringify, { type Options as SerializerOptions, type Schema } from 'fast-json-stringify';

type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords that only describe: they change nothing in what fast-json-stringify writes. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly', '$comment']);

/** `{ type: 'null' }`, perhaps described. */
const isNullSchema = (schema: unknown): boolean =>
  isObject(schema) && schema.type === 'null' && Object.keys(schema).every((key) => key === 'type' || ANNOTATIONS.has(key));

/**
 * A schema fast-json-stringify writes without a combinator of its own: one `type`, and no
 * `anyOf`, `oneOf`, `allOf`, `if`, `$ref`, `const` or `nullable` to be resolved or tried first.
 */
const isPlainTyped = (schema: unknown): schema is JsonSchema =>
  isObject(schema) &&
  typeof schema.type === 'string' &&
  schema.type !== 'null' &&
  ['anyOf', 'oneOf', 'allOf', 'if', '$ref', 'const', 'nullable'].every((key) => !(key in schema));

/** `Type.Record(Type.String(), Type.Unknown())`: an object with any keys and values. */
const isAnyRecord = (schema: JsonSchema): boolean => {
  if (schema.type !== 'object' || !isObject(schema.patternProperties)) return false;
  const patterns = Object.entries(schema.patternProperties);
  return (
    patterns.length === 1 &&
    (patterns[0]![0] === '^.*$' || patterns[0]![0] === '^(.*)$') &&
    isObject(patterns[0]![1]) &&
    Object.keys(patterns[0]![1]).length === 0 &&
    Object.keys(schema).every((key) => key === 'type' || key === 'patternProperties' || ANNOTATIONS.has(key))
  );
};

/** Keywords whose value is a map of names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, never a schema. */
const DATA = new Set(['const', 'enum', 'default', 'examples', 'example', 'required']);

/**
 * The schema as fast-json-stringify should compile it for the same output with less work per
 * answer; a new tree (the route's schema, which the OpenAPI document is made from, is left as is).
 *
 * - `anyOf: [S, { type: 'null' }]` (TypeBox's `Type.Union([S, Type.Null()])`, every nullable
 *   field) becomes S with `nullable: true`. fast-json-stringify writes a union by running Ajv on
 *   the value against each branch in turn, on every answer: for a nullable timestamp that is the
 *   date-time format's regular expressions and string splits, for a nullable object the whole
 *   object's validation, before the value is written as S would write it anyway. As `nullable` it
 *   writes `null` for null and the value as S otherwise: the same bytes.
 * - An object of any keys and any values (`Type.Record(Type.String(), Type.Unknown())`, such as
 *   an event's before and after) becomes a schema without keywords, which is written with
 *   JSON.stringify: the same bytes as writing each key with JSON.stringify of its value, which is
 *   what fast-json-stringify did, key by key, with a regular expression test per key.
 *
 * Neither drops anything from an answer; like every non-union field, such a field is written
 * from its schema's type without a check of its format or length.
 */
export function serializationSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serializationSchema);
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, serializationSchema(sub)]));
    } else {
      out[key] = DATA.has(key) ? value : serializationSchema(value);
    }
  }
  if (isAnyRecord(out)) {
    const { type: _type, patternProperties: _patterns, ...rest } = out;
    return rest;
  }
  const union = out.anyOf;
  if (Array.isArray(union) && union.length === 2 && union.some(isNullSchema)) {
    const other = union.find((branch) => !isNullSchema(branch));
    const { anyOf: _anyOf, ...siblings } = out;
    // A nullable "anything" (the record above): JSON.stringify writes null as null.
    if (isObject(other) && Object.keys(other).every((key) => ANNOTATIONS.has(key))) return siblings;
    if (isPlainTyped(other) && Object.keys(siblings).every((key) => ANNOTATIONS.has(key))) {
      return { ...siblings, ...other, nullable: true };
    }
  }
  return out;
}

type CompileSerializer = (route: { schema?: unknown; method: string; url: string; httpStatus: string }) => (data: unknown) => string;

/**
 * Fastify's `schemaController.compilersFactory.buildSerializer`: as Fastify's default
 * (@fastify/fast-json-stringify-compiler), fast-json-stringify with the shared schemas, on the
 * schemas of `serializationSchema`.
 */
export function buildResponseSerializer(externalSchemas?: unknown, serializerOptions?: SerializerOptions): CompileSerializer {
  const shared = Object.fromEntries(
    Object.entries(isObject(externalSchemas) ? externalSchemas : {}).map(([id, schema]) => [id, serializationSchema(schema)]),
  );
  return ({ schema }) => {
    // A route's schema that is itself a shared one must not be handed to fast-json-stringify twice.
    const id = isObject(schema) && typeof schema.$id === 'string' ? schema.$id : undefined;
    const schemas = id !== undefined && id in shared ? { ...shared } : shared;
    if (schemas !== shared) delete schemas[id!];
    return fastJsonStringify(serializationSchema(schema) as Schema, { ...serializerOptions, schema: schemas as Record<string, Schema> });
  };
}
