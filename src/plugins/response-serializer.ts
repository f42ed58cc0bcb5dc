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
 *   A branch that names a shared schema (`Type.Ref('ProblemDetails')`, with `shared`, the
 *   schemas of `app.addSchema`) is that schema, when it is plain typed and refers to nothing.
 * - An object of any keys and any values (`Type.Record(Type.String(), Type.Unknown())`, such as
 *   an event's before and after) becomes a schema without keywords, which is written with
 *   JSON.stringify: the same bytes as writing each key with JSON.stringify of its value, which is
 *   what fast-json-stringify did, key by key, with a regular expression test per key.
 *
 * Neither drops anything from an answer; like every non-union field, such a field is written
 * from its schema's type without a check of its format or length.
 */
export function serializationSchema(schema: unknown, shared: Record<string, unknown> = {}): unknown {
  if (Array.isArray(schema)) return schema.map((item) => serializationSchema(item, shared));
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, serializationSchema(sub, shared)]));
    } else {
      out[key] = DATA.has(key) ? value : serializationSchema(value, shared);
    }
  }
  if (isAnyRecord(out)) {
    const { type: _type, patternProperties: _patterns, ...rest } = out;
    return rest;
  }
  const union = out.anyOf;
  if (Array.isArray(union) && union.length === 2 && union.some(isNullSchema)) {
    const other = sharedSchemaOf(union.find((branch) => !isNullSchema(branch)), shared);
    const { anyOf: _anyOf, ...siblings } = out;
    // A nullable "anything" (the record above): JSON.stringify writes null as null.
    if (isObject(other) && Object.keys(other).every((key) => ANNOTATIONS.has(key))) return siblings;
    if (isPlainTyped(other) && Object.keys(siblings).every((key) => ANNOTATIONS.has(key))) {
      return { ...siblings, ...other, nullable: true };
    }
  }
  return out;
}

/**
 * A branch `{ $ref: id }` of a nullable union as the shared schema it names (without its `$id`),
 * when that schema is plain typed and refers to nothing itself (so the union simplifies as any
 * other nullable field; `Type.Union([Type.Ref('ProblemDetails'), Type.Null()])`); the branch as it
 * is otherwise.
 */
function sharedSchemaOf(branch: unknown, shared: Record<string, unknown>): unknown {
  if (!isObject(branch) || typeof branch.$ref !== 'string' || !Object.keys(branch).every((key) => key === '$ref' || ANNOTATIONS.has(key))) return branch;
  const target = shared[branch.$ref.replace(/#$/, '')];
  if (!isPlainTyped(target) || JSON.stringify(target).includes('"$ref"')) return branch;
  const { $id: _id, ...inlined } = target;
  return inlined;
}

/** Whether a value is written the same by JSON.stringify as by fast-json-stringify from a schema. */
export type Fits = (value: unknown) => boolean;

/** Keywords fast-json-stringify does not act on when it writes a value that has its schema's type. */
const NOT_WRITTEN = new Set([
  ...ANNOTATIONS, '$id', '$schema', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'enum',
]);
const FITTED = new Set([...NOT_WRITTEN, 'type', 'nullable', 'format', 'properties', 'required', 'additionalProperties', 'items']);

/** Values of a union of literals (and null), `Type.Union([Type.Literal('a'), ...])`; null when it is not one. */
function literalValues(schema: JsonSchema): (string | number | boolean | null)[] | null {
  if (isNullSchema(schema)) return [null];
  if ('const' in schema) {
    const value = schema.const;
    const typed = schema.type === undefined || schema.type === typeof value || (schema.type === 'integer' && Number.isInteger(value));
    const plainValue = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    return typed && plainValue && Object.keys(schema).every((key) => key === 'const' || key === 'type' || ANNOTATIONS.has(key)) ? [value] : null;
  }
  if (Array.isArray(schema.anyOf) && Object.keys(schema).every((key) => key === 'anyOf' || ANNOTATIONS.has(key))) {
    const values: (string | number | boolean | null)[] = [];
    for (const branch of schema.anyOf) {
      const some = isObject(branch) ? literalValues(branch) : null;
      if (!some) return null;
      values.push(...some);
    }
    return values;
  }
  return null;
}

/** JSON.stringify writes keys that look like array indexes first, whatever the order they were added in. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * The source of a test that a value fits a schema (see jsonStringifyFits): one function per
 * object and array of the schema, with a straight line of property reads and type tests, as
 * fast-json-stringify generates its writers.
 */
class FitsSource {
  readonly functions: string[] = [];

  /** A JavaScript expression, true when the variable `v` fits `schema`; null for a schema not covered. */
  test(schema: unknown, v: string): string | null {
    if (!isObject(schema)) return null;
    const literals = literalValues(schema);
    if (literals) return `(${literals.map((value) => `${v} === ${JSON.stringify(value)}`).join(' || ')})`;
    // Written with JSON.stringify by fast-json-stringify too (serializationSchema's "anything").
    if (Object.keys(schema).every((key) => ANNOTATIONS.has(key))) return `${v} !== undefined`;
    if (!Object.keys(schema).every((key) => FITTED.has(key)) || schema.format === 'unsafe') return null;
    const orNull = schema.nullable === true ? ` || ${v} === null` : '';
    switch (schema.type) {
      case 'string':
        return `(typeof ${v} === 'string'${orNull})`;
      case 'integer':
        return `(Number.isInteger(${v})${orNull})`;
      case 'number':
        return `((typeof ${v} === 'number' && Number.isFinite(${v}))${orNull})`;
      case 'boolean':
        return `(typeof ${v} === 'boolean'${orNull})`;
      case 'null':
        return `${v} === null`;
      case 'array':
        return this.array(schema, v);
      case 'object':
        return this.object(schema, v);
      default:
        return null;
    }
  }

  private array(schema: JsonSchema, v: string): string | null {
    const item = this.test(schema.items, 'item');
    if (item === null) return null;
    const name = `fits${this.functions.length}`;
    this.functions.push('');
    this.functions[Number(name.slice(4))] = `function ${name}(value) {
      if (value === null) return ${schema.nullable === true};
      if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (!${item}) return false;
      }
      return true;
    }`;
    return `${name}(${v})`;
  }

  private object(schema: JsonSchema, v: string): string | null {
    const properties = schema.properties;
    if (!isObject(properties) || (schema.additionalProperties !== undefined && schema.additionalProperties !== false)) return null;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    // fast-json-stringify writes the required properties first, then the others, each in the
    // schema's order (a stable sort): an object fits when its keys come in that order.
    const keys = [...Object.keys(properties).filter((key) => required.has(key)), ...Object.keys(properties).filter((key) => !required.has(key))];
    if (keys.length === 0 || keys.some((key) => INDEX_LIKE.test(key))) return null;
    // A property with a default is written (as its default) by fast-json-stringify when it is missing.
    const mustHave = keys.map((key) => required.has(key) || (isObject(properties[key]) && 'default' in properties[key]));
    const name = `fits${this.functions.length}`;
    this.functions.push('');
    const tests: string[] = [];
    for (const [index, key] of keys.entries()) {
      const test = this.test(properties[key], 'p');
      if (test === null) return null;
      // A property that may be missing may also be undefined: both leave it out.
      tests.push(`p = value[${JSON.stringify(key)}];\n      if (!(${mustHave[index] ? '' : 'p === undefined || '}${test})) return false;`);
    }
    const allRequired = mustHave.every(Boolean);
    // Own keys in the schema's order, none missing that must be there and none the schema lacks
    // (for...in also walks the prototype, Object.prototype, which has no enumerable keys).
    const order = allRequired
      ? `let at = 0;
      for (const key in value) {
        if (key !== keys[at]) return false;
        at++;
      }
      if (at !== ${keys.length}) return false;`
      : `let at = 0;
      for (const key in value) {
        while (at < ${keys.length} && keys[at] !== key) {
          if (mustHave[at]) return false;
          at++;
        }
        if (at === ${keys.length}) return false;
        at++;
      }
      for (; at < ${keys.length}; at++) if (mustHave[at]) return false;`;
    this.functions[Number(name.slice(4))] = `const ${name} = ((keys, mustHave) => function ${name}(value) {
      if (value === null) return ${schema.nullable === true};
      if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
      ${order}
      let p;
      ${tests.join('\n      ')}
      return true;
    })(${JSON.stringify(keys)}, ${JSON.stringify(mustHave)});`;
    return `${name}(${v})`;
  }
}

/**
 * A test, made from a schema as serializationSchema leaves it, that JSON.stringify writes a value
 * byte for byte as fast-json-stringify writes it from that schema; null for a schema it does not
 * cover (a `$ref`, a union other than of literals, additional or pattern properties, an `unsafe`
 * string, ...). A value passes when it has exactly what the schema writes: plain objects whose
 * own keys are schema properties in the order fast-json-stringify writes them (the required ones
 * first, each group in the schema's order; every required one, nothing else),
 * strings, finite numbers, integers and booleans where the schema has them, null only where it is
 * nullable, a literal of the union where there is one. For such values both write the same text
 * (fast-json-stringify escapes strings and writes numbers exactly as JSON.stringify does); for any
 * other value the answer is fast-json-stringify's (which drops, coerces or throws).
 */
export function jsonStringifyFits(schema: unknown): Fits | null {
  const source = new FitsSource();
  const test = source.test(schema, 'value');
  if (test === null) return null;
  // Generated from the route's schema (our own code's), as fast-json-stringify and Ajv do.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`'use strict';\n${source.functions.join('\n')}\nreturn function fits(value) { return ${test}; };`)() as Fits;
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
    const simplified = serializationSchema(schema, shared);
    const serialize = fastJsonStringify(simplified as Schema, { ...serializerOptions, schema: schemas as Record<string, Schema> });
    // An answer already in the schema's shape (presenters build exactly its fields, in its order)
    // is written by JSON.stringify: the same bytes, made in one piece, where fast-json-stringify
    // adds it up piece by piece (a list page: 67 against 157 kB of garbage, in the same time).
    const fits = jsonStringifyFits(simplified);
    return fits ? (data: unknown) => (fits(data) ? JSON.stringify(data) : serialize(data)) : serialize;
  };
}
