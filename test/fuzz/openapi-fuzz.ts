// A property-based fuzzer driven by an OpenAPI 3.1 document: fast-check arbitraries derived from
// the request schemas make valid and invalid requests for an operation, and every response is
// checked against what the document declares for that operation (status, content type, schema,
// validated with ajv). Used by the suites in this folder; the document is the only input.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> };
  security?: Record<string, string[]>[];
}

export interface OperationRef {
  method: string;
  path: string;
  operation: Operation;
  id: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): OperationRef[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
        id: operation.operationId ?? `${method.toUpperCase()} ${path}`,
      })),
  );
}

/** Whether the operation needs credentials (its own `security`, or the document's). */
export function needsAuth(document: OpenApiDocument, operation: Operation): boolean {
  const security = operation.security ?? document.security ?? [];
  return security.some((requirement) => Object.keys(requirement).length > 0);
}

/** Schema lookups and ajv validators over one document. */
export class SchemaTools {
  private readonly strict: Ajv2020;
  private readonly coercing: Ajv2020;
  private readonly cache = new Map<unknown, ValidateFunction>();
  private readonly coercingCache = new Map<unknown, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    const make = (coerce: boolean) => {
      // Like the service's own ajv: arrays are coerced, defaults applied (coercing instance).
      const ajv = new Ajv2020({
        strict: false,
        allErrors: false,
        validateFormats: true,
        ...(coerce ? { coerceTypes: 'array' as const, useDefaults: true } : {}),
      });
      addFormats(ajv);
      ajv.addKeyword({ keyword: 'example' });
      return ajv;
    };
    this.strict = make(false);
    this.coercing = make(true);
  }

  /** Follows `#/components/schemas/X` references. */
  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let depth = 0; current.$ref && depth < 20; depth++) {
      const match = /^#\/components\/schemas\/(.+)$/.exec(current.$ref);
      const target = match?.[1] ? this.document.components?.schemas?.[decodeURIComponent(match[1])] : undefined;
      if (!target) throw new Error(`cannot resolve ${current.$ref}`);
      current = target;
    }
    return current;
  }

  /** The schema with every reference replaced by its target (the document has no cycles here). */
  inline(schema: JsonSchema, depth = 0): JsonSchema {
    if (depth > 30) return {};
    const resolved = this.resolve(schema);
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(resolved)) {
      if (key === '$ref' || key === '$id') continue;
      if (key === 'properties' && value && typeof value === 'object') {
        out.properties = Object.fromEntries(
          Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, this.inline(child, depth + 1)]),
        );
      } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
        out[key] = this.inline(value as JsonSchema, depth + 1);
      } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
        out[key] = value.map((child: JsonSchema) => this.inline(child, depth + 1));
      } else {
        out[key] = value;
      }
    }
    return out;
  }

  /** ajv validator of a schema from the document; `coerce` validates the way the service's request validation does. */
  validator(schema: JsonSchema, coerce = false): ValidateFunction {
    const cache = coerce ? this.coercingCache : this.cache;
    let validate = cache.get(schema);
    if (!validate) {
      validate = (coerce ? this.coercing : this.strict).compile(this.inline(schema));
      cache.set(schema, validate);
    }
    return validate;
  }

  /** Whether a value is valid for a request schema, as the service's validation would see it. */
  acceptsRequestValue(schema: JsonSchema, value: unknown): boolean {
    const copy = value === undefined ? undefined : structuredClone(value);
    return this.validator(schema, true)(copy);
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Strings that break naive SQL, shell, path and format handling; all are valid JSON strings. */
export const hostileStrings = [
  "' OR '1'='1",
  "'; DROP TABLE \"Article\"; --",
  '" OR ""="',
  '\\',
  '%',
  '_%',
  '%%_%%',
  "O'Brien",
  '$1',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\u202Eevil',
  '🙂🙂🙂',
  'e\u0301',
  ' ',
  '\n\r\t',
  '*',
  '&|!():*',
  '-- comment',
  '/* comment */',
  ':*',
  '\\x00',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
];

export interface ArbitraryOptions {
  /** Longest generated string (strings with a larger maxLength still get a maxLength-long case). */
  maxStringLength?: number;
  /** Values to prefer for some string-valued properties, by name (e.g. known ids). */
  known?: Record<string, string[]>;
}

const STRING_CAP = 120;

function stringArbitrary(schema: JsonSchema, options: ArbitraryOptions, name?: string): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 10_000;
  const cap = Math.max(min, Math.min(max, options.maxStringLength ?? STRING_CAP));
  let base: fc.Arbitrary<string>;
  switch (schema.format) {
    case 'uuid':
      base = fc.uuid();
      break;
    case 'date-time':
      base = fc
        .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString());
      break;
    case 'date':
      base = fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
      break;
    case 'uri':
    case 'url':
      base = fc.webUrl({ withQueryParameters: true });
      break;
    case 'email':
      base = fc.emailAddress();
      break;
    default:
      if (schema.pattern) {
        base = fc.stringMatching(new RegExp(schema.pattern));
      } else {
        const length = { minLength: min, maxLength: cap };
        const choices: fc.Arbitrary<string>[] = [
          fc.string(length),
          fc.string({ ...length, unit: 'grapheme' }),
          fc.string({ ...length, unit: 'binary', size: 'max' }),
          fc.constantFrom(...hostileStrings.filter((value) => value.length >= min && value.length <= max)),
          fc.lorem({ maxCount: 8 }).filter((value) => value.length >= min && value.length <= max),
        ];
        // The longest value the schema allows, when that is a sane size.
        if (max <= 5_000) choices.push(fc.constant('x'.repeat(max)));
        if (min > 0) choices.push(fc.constant('y'.repeat(min)));
        base = fc.oneof(...choices.filter((choice) => choice !== undefined));
      }
  }
  const filtered = base.filter((value) => [...value].length >= min && [...value].length <= max);
  const known = name ? options.known?.[name] : undefined;
  return known && known.length > 0 ? fc.oneof(fc.constantFrom(...known), filtered) : filtered;
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e9);
  let max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e9);
  if (integer) {
    min = Math.max(Math.ceil(min), -(2 ** 31));
    max = Math.min(Math.floor(max), 2 ** 31 - 1);
    return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values valid for the schema (as far as the generator understands it; callers re-check with ajv). */
export function valueArbitrary(tools: SchemaTools, raw: JsonSchema, options: ArbitraryOptions = {}, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = tools.resolve(raw);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf || schema.oneOf) {
    const variants = (schema.anyOf ?? schema.oneOf ?? []).map((variant) => valueArbitrary(tools, variant, options, name, depth + 1));
    return fc.oneof(...variants);
  }
  if (schema.allOf) return valueArbitrary(tools, Object.assign({}, ...schema.allOf.map((part) => tools.resolve(part))), options, name, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : ['string'];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return numberArbitrary(schema, true);
        case 'number':
          return numberArbitrary(schema, false);
        case 'array': {
          const items = schema.items ? valueArbitrary(tools, schema.items, options, name, depth + 1) : fc.jsonValue();
          const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) };
          return schema.uniqueItems
            ? fc.uniqueArray(items, { ...constraints, selector: (value) => JSON.stringify(value) })
            : fc.array(items, constraints);
        }
        case 'object': {
          const properties = schema.properties ?? {};
          const model = Object.fromEntries(
            Object.entries(properties).map(([key, child]) => [key, valueArbitrary(tools, child, options, key, depth + 1)]),
          );
          const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
          const minProperties = schema.minProperties ?? 0;
          return minProperties > 0 ? record.filter((value) => Object.keys(value).length >= minProperties) : record;
        }
        default:
          return stringArbitrary(schema, options, name);
      }
    }),
  );
}

/** A way to break a value that the schema constrains, described for the counterexample. */
interface Mutation {
  description: string;
  apply: (value: unknown) => unknown;
}

function mutationsFor(tools: SchemaTools, raw: JsonSchema, depth = 0): Mutation[] {
  const schema = tools.resolve(raw);
  const mutations: Mutation[] = [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (!types.includes('object')) mutations.push({ description: 'an object instead', apply: () => ({ nested: { deeper: [1, 2] } }) });
  if (!types.includes('array')) mutations.push({ description: 'an array instead', apply: () => [1, 'two', null] });
  if (!types.includes('string')) mutations.push({ description: 'a string instead', apply: () => 'not the right type' });
  if (!types.includes('null')) mutations.push({ description: 'null instead', apply: () => null });
  if (!types.includes('number') && !types.includes('integer')) mutations.push({ description: 'a number instead', apply: () => 12345.678 });
  if (types.includes('integer')) mutations.push({ description: 'a fraction', apply: () => 1.5 });
  if (schema.maximum !== undefined) mutations.push({ description: 'above maximum', apply: () => schema.maximum! + 1 });
  if (schema.minimum !== undefined) mutations.push({ description: 'below minimum', apply: () => schema.minimum! - 1 });
  if (types.includes('integer') || types.includes('number')) {
    mutations.push({ description: 'a huge number', apply: () => 1e308 });
  }
  if (schema.maxLength !== undefined && schema.maxLength <= 2_000_000) {
    mutations.push({ description: 'longer than maxLength', apply: () => 'z'.repeat(schema.maxLength! + 1) });
  }
  if (schema.minLength !== undefined && schema.minLength > 0) mutations.push({ description: 'shorter than minLength', apply: () => '' });
  if (schema.format === 'uuid') mutations.push({ description: 'not a uuid', apply: () => 'not-a-uuid' });
  if (schema.format === 'date-time') mutations.push({ description: 'not a date-time', apply: () => '2024-13-45T99:99:99Z' });
  if (schema.enum) mutations.push({ description: 'outside the enum', apply: () => '__not_in_enum__' });
  if (schema.maxItems !== undefined) {
    mutations.push({ description: 'more items than maxItems', apply: () => Array.from({ length: schema.maxItems! + 1 }, () => 'x') });
  }
  if (types.includes('object') || schema.properties) {
    if (schema.additionalProperties === false) {
      mutations.push({
        description: 'an unknown property',
        apply: (value) => ({ ...(typeof value === 'object' && value ? value : {}), __unknown_property__: 1 }),
      });
    }
    for (const key of schema.required ?? []) {
      mutations.push({
        description: `without required ${key}`,
        apply: (value) => {
          const copy = { ...(typeof value === 'object' && value ? (value as Record<string, unknown>) : {}) };
          delete copy[key];
          return copy;
        },
      });
    }
    if (depth < 2) {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        for (const inner of mutationsFor(tools, child, depth + 1)) {
          mutations.push({
            description: `${key}: ${inner.description}`,
            apply: (value) => {
              const copy = { ...(typeof value === 'object' && value ? (value as Record<string, unknown>) : {}) };
              copy[key] = inner.apply(copy[key]);
              return copy;
            },
          });
        }
      }
    }
  }
  return mutations;
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Whether the request is valid per the document (false: the service must answer a 4xx problem). */
  valid: boolean;
  /** What was broken, for an invalid request. */
  broken?: string;
}

export interface FuzzContext {
  tools: SchemaTools;
  /** Sent as `Authorization` when the operation declares security. */
  authorization?: string | undefined;
  /** Known values for path parameters: `{ id: [...], quoteId: [...] }`, per operation path. */
  pathValues?: (operation: OperationRef, name: string) => string[];
  options?: ArbitraryOptions;
}

const serializeQuery = (query: Record<string, unknown>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** Media types whose body is the string itself (the schema describes the text, not a JSON value). */
const isRawText = (mediaType: string): boolean => mediaType.startsWith('text/') || mediaType.includes('ndjson');

const serializeBody = (mediaType: string, value: unknown): string =>
  isRawText(mediaType) && typeof value === 'string' ? value : JSON.stringify(value);

interface RequestParts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: { mediaType: string; value: unknown } | undefined;
}

function partsArbitrary(operationRef: OperationRef, context: FuzzContext): fc.Arbitrary<RequestParts> {
  const { tools } = context;
  const parameters = operationRef.operation.parameters ?? [];
  const arbitraryFor = (parameter: Parameter) => {
    const known = parameter.in === 'path' ? (context.pathValues?.(operationRef, parameter.name) ?? []) : [];
    const generated = valueArbitrary(tools, parameter.schema, context.options, parameter.name);
    return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated }) : generated;
  };
  const group = (location: Parameter['in']) => {
    const list = parameters.filter((parameter) => parameter.in === location);
    return fc.record(Object.fromEntries(list.map((parameter) => [parameter.name, arbitraryFor(parameter)])), {
      requiredKeys: list.filter((parameter) => parameter.required || location === 'path').map((parameter) => parameter.name),
    });
  };
  const content = operationRef.operation.requestBody?.content ?? {};
  const mediaTypes = Object.keys(content);
  const body =
    mediaTypes.length === 0
      ? fc.constant(undefined)
      : fc.oneof(
          ...mediaTypes.map((mediaType) =>
            valueArbitrary(tools, content[mediaType]?.schema ?? {}, context.options).map((value) => ({ mediaType, value })),
          ),
        );
  return fc.record({
    path: group('path') as fc.Arbitrary<Record<string, string>>,
    query: group('query'),
    headers: group('header').map((headers) => Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]))),
    body,
  });
}

function toRequest(operationRef: OperationRef, context: FuzzContext, parts: RequestParts, valid: boolean, broken?: string): FuzzRequest {
  const url =
    operationRef.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(parts.path[name] ?? ''))) +
    serializeQuery(parts.query);
  const headers: Record<string, string> = { ...parts.headers };
  if (context.authorization && needsAuth(context.tools.document, operationRef.operation)) headers.authorization = context.authorization;
  let payload: string | Buffer | undefined;
  if (parts.body) {
    headers['content-type'] = parts.body.mediaType;
    payload = serializeBody(parts.body.mediaType, parts.body.value);
  }
  return { method: operationRef.method, url, headers, ...(payload === undefined ? {} : { payload }), valid, ...(broken ? { broken } : {}) };
}

/** Whether every part of the request is valid per the document (the generator can overshoot: filters re-check). */
function partsAreValid(operationRef: OperationRef, tools: SchemaTools, parts: RequestParts): boolean {
  for (const parameter of operationRef.operation.parameters ?? []) {
    const source = parameter.in === 'path' ? parts.path : parameter.in === 'query' ? parts.query : parameter.in === 'header' ? parts.headers : {};
    const value = source[parameter.name];
    if (value === undefined) {
      if (parameter.required && parameter.in !== 'query') return false;
      continue;
    }
    // Path, query and header values travel as strings: validate what the server will see.
    const onTheWire = Array.isArray(value) ? value.map(String) : String(value);
    if (!tools.acceptsRequestValue(parameter.schema, onTheWire)) return false;
    if (parameter.in === 'path' && String(value).length === 0) return false;
  }
  if (parts.body) {
    const schema = operationRef.operation.requestBody?.content[parts.body.mediaType]?.schema;
    if (schema && !tools.acceptsRequestValue(schema, parts.body.value)) return false;
  }
  return true;
}

/** Requests the document says are valid. */
export function validRequestArbitrary(operationRef: OperationRef, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return partsArbitrary(operationRef, context)
    .filter((parts) => partsAreValid(operationRef, context.tools, parts))
    .map((parts) => toRequest(operationRef, context, parts, true));
}

/**
 * Requests with exactly one part broken: a parameter, the body, its media type or its syntax;
 * null when the operation takes no input that could be broken.
 */
export function invalidRequestArbitrary(operationRef: OperationRef, context: FuzzContext): fc.Arbitrary<FuzzRequest> | null {
  const { tools } = context;
  const parameters = (operationRef.operation.parameters ?? []).filter((parameter) => parameter.in !== 'cookie');
  const breakers: fc.Arbitrary<(parts: RequestParts) => { parts: RequestParts; broken: string; raw?: string } | null>[] = [];

  const badStrings = ['', 'not-a-uuid', '-1', '0', '1.5', '99999999999999999999', '1e308', 'NaN', 'true', '__not_in_enum__', 'z'.repeat(5001)];
  for (const parameter of parameters) {
    breakers.push(
      fc.constantFrom(...badStrings).map((bad) => (parts: RequestParts) => {
        if (parameter.in === 'path' && bad === '') return null;
        if (tools.acceptsRequestValue(parameter.schema, bad)) return null;
        const copy = structuredClone(parts);
        const target = parameter.in === 'path' ? copy.path : parameter.in === 'query' ? copy.query : copy.headers;
        target[parameter.name] = bad;
        return { parts: copy, broken: `${parameter.in} ${parameter.name} = ${JSON.stringify(bad.slice(0, 40))}` };
      }),
    );
  }
  // Query schemas reject unknown parameters (operations that take no query ignore a query string).
  if (parameters.some((parameter) => parameter.in === 'query')) {
    breakers.push(
      fc.constant((parts: RequestParts) => {
        const copy = structuredClone(parts);
        copy.query.__unknown_parameter__ = '1';
        return { parts: copy, broken: 'an unknown query parameter' };
      }),
    );
  }
  const content = operationRef.operation.requestBody?.content ?? {};
  for (const [mediaType, media] of Object.entries(content)) {
    const schema = media.schema ?? {};
    const mutations = mutationsFor(tools, schema);
    if (mutations.length > 0) {
      breakers.push(
        fc.constantFrom(...mutations).map((mutation) => (parts: RequestParts) => {
          const start = parts.body?.mediaType === mediaType ? parts.body.value : undefined;
          const value = mutation.apply(start === undefined ? {} : structuredClone(start));
          if (tools.acceptsRequestValue(schema, value)) return null;
          if (isRawText(mediaType) && typeof value !== 'string') return null; // any text is a string
          return { parts: { ...parts, body: { mediaType, value } }, broken: `body (${mediaType}): ${mutation.description}` };
        }),
      );
    }
    if (mediaType.includes('json') && !isRawText(mediaType)) {
      breakers.push(
        fc.constantFrom('{"unterminated": ', '{,}', "{'single': 1}", 'nul', '[1,2,', '{"a":1}garbage').map((raw) => (parts: RequestParts) => ({
          parts: { ...parts, body: { mediaType, value: undefined } },
          broken: `malformed JSON ${JSON.stringify(raw)}`,
          raw,
        })),
      );
    }
  }
  if (Object.keys(content).length > 0) {
    breakers.push(
      fc.constantFrom('application/xml', 'image/png', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map(
        (mediaType) => (parts: RequestParts) => ({
          parts: { ...parts, body: { mediaType, value: '<a>1</a>' } },
          broken: `unsupported media type ${mediaType}`,
          raw: '<a>1</a>',
        }),
      ),
    );
  }
  if (breakers.length === 0) return null;
  return fc
    .tuple(partsArbitrary(operationRef, context), fc.oneof(...breakers))
    .map(([parts, breaker]) => {
      const result = breaker(parts);
      if (!result) return null;
      const request = toRequest(operationRef, context, result.parts, false, result.broken);
      if (result.raw !== undefined) request.payload = result.raw;
      return request;
    })
    .filter((request): request is FuzzRequest => request !== null);
}

// ---------------------------------------------------------------------------------------------
// Checking responses

/** The statuses an invalid request may get. */
export const INVALID_INPUT_STATUSES = [400, 413, 415, 422];

export function declaredResponse(operation: Operation, status: number) {
  return operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
}

/** What is wrong with a response to a request for an operation; empty when nothing is. */
export function responseProblems(operationRef: OperationRef, tools: SchemaTools, request: FuzzRequest, response: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  if (status >= 500) problems.push(`server error ${status}: ${response.body.slice(0, 300)}`);
  const declared = declaredResponse(operationRef.operation, status);
  if (!declared) problems.push(`status ${status} is not declared for ${operationRef.id} (${Object.keys(operationRef.operation.responses).join(', ')})`);
  const contentType = String(response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!request.valid) {
    if (!INVALID_INPUT_STATUSES.includes(status)) problems.push(`invalid input (${request.broken}) answered ${status}, not 400/413/415/422`);
    if (contentType !== 'application/problem+json') problems.push(`invalid input answered ${contentType || 'no content type'}, not application/problem+json`);
  }
  if (declared) {
    const content = declared.content ?? {};
    // Declared media types may carry parameters (`application/ld+json; profile="..."`): compare base types.
    const baseType = (mediaType: string) => mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
    const mediaTypes = Object.keys(content).map(baseType);
    if (mediaTypes.length === 0) {
      if (response.rawPayload.length > 0 && request.method !== 'HEAD') problems.push(`status ${status} declares no body but got ${response.rawPayload.length} bytes`);
    } else if (!mediaTypes.includes(contentType)) {
      problems.push(`content type ${contentType || '(none)'} is not declared for ${status} (${mediaTypes.join(', ')})`);
    } else {
      const schema = Object.entries(content).find(([mediaType]) => baseType(mediaType) === contentType)?.[1]?.schema;
      if (schema) {
        let body: unknown;
        try {
          body = contentType.includes('json') ? JSON.parse(response.body) : response.body;
        } catch {
          problems.push(`the ${contentType} body is not JSON: ${response.body.slice(0, 100)}`);
        }
        if (body !== undefined) {
          const validate = tools.validator(schema);
          if (!validate(body)) {
            problems.push(`body does not match the ${status} schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
          }
        }
      }
    }
  }
  return problems;
}

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** Called with each exchange (e.g. to collect statistics). */
  onExchange?: (request: FuzzRequest, response: LightMyRequestResponse) => void;
}

/**
 * Sends generated requests for one operation through `inject`; resolves with fast-check's run
 * details, or null for invalid requests to an operation that takes no input.
 */
export async function fuzzOperation(
  app: FastifyInstance,
  operationRef: OperationRef,
  context: FuzzContext,
  kind: 'valid' | 'invalid',
  options: FuzzOptions,
) {
  const arbitrary = kind === 'valid' ? validRequestArbitrary(operationRef, context) : invalidRequestArbitrary(operationRef, context);
  if (!arbitrary) return null;
  return fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      const injected: InjectOptions = { method: request.method as InjectOptions['method'], url: request.url, headers: request.headers };
      if (request.payload !== undefined) injected.payload = request.payload;
      const response = await app.inject(injected);
      options.onExchange?.(request, response);
      const problems = responseProblems(operationRef, context.tools, request, response);
      if (problems.length > 0) throw new Error(`${request.method} ${request.url.slice(0, 200)}\n  ${problems.join('\n  ')}`);
    }),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true, maxSkipsPerRun: 1000 },
  );
}

/** Fuzzing settings from the environment: FUZZ_RUNS (runs per operation and kind) and FUZZ_SEED. */
export function fuzzSettings(defaultRuns = 20): { numRuns: number; seed: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  return { numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns, seed: Number.isFinite(seed) ? seed : 20261129 };
}
