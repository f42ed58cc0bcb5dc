import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const run = async (file: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

interface Operation {
  operationId: string;
  parameters?: Array<{ in: string; name: string; example?: unknown }>;
  requestBody?: { content: Record<string, { examples?: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
  description?: string;
}
const document = JSON.parse(await readFile(path.join(root, 'openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([route, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${route}`, route, operation })),
);

t.test('Redocly CLI with its recommended rules finds no error in the committed spec', async (t) => {
  const result = await run(bin('redocly'), ['lint', '--format=json', 'openapi/openapi.json']);
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: Array<{ ruleId: string; severity: string; message: string }>;
  };
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  t.same(errors, [], 'no errors');
  t.equal(report.totals.errors, 0);
  t.equal(result.code, 0, 'the command succeeds');
});

t.test('Spectral with the OWASP API Security ruleset finds no error in the committed spec', async (t) => {
  const result = await run(bin('spectral'), ['lint', '--format=json', '--fail-severity=error', 'openapi/openapi.json']);
  const problems = JSON.parse(result.stdout) as Array<{ code: string; severity: number; path: string[]; message: string }>;
  const errors = problems.filter((problem) => problem.severity === 0);
  t.same(errors.map((e) => `${e.code} at ${e.path.join('.')}`), [], 'no errors');
  t.ok(problems.some((problem) => problem.code.startsWith('owasp:')) || problems.length === 0, 'the OWASP rules ran');
  t.equal(result.code, 0, 'the command succeeds');
});

t.test('a second generator (@hey-api/openapi-ts) makes an SDK from the spec that strict tsc compiles', async (t) => {
  const result = await run('bash', [path.join(root, 'scripts/check-second-generator.sh')]);
  t.equal(result.code, 0, `${result.stdout}${result.stderr}`);
  t.match(result.stdout, /generated files compile with strict tsc/);
});

t.test('every operation shows a real example request and response', async (t) => {
  for (const { name, operation } of operations) {
    for (const [mediaType, media] of Object.entries(operation.requestBody?.content ?? {})) {
      t.ok(Object.keys(media.examples ?? {}).length, `${name} has a ${mediaType} request example`);
    }
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') t.not(parameter.example, undefined, `${name} has an example for path parameter ${parameter.name}`);
    }
    const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
    const shown = success.some(([, response]) =>
      Object.values(response.content ?? {}).some((media) => Object.keys(media.examples ?? {}).length),
    );
    const bodiless = success.every(([, response]) => !response.content);
    t.ok(shown || bodiless, `${name} has a success response example`);
  }
});

t.test('descriptions state the offset unit, how to page and the problem types', async (t) => {
  for (const { name, operation } of operations) {
    t.match(operation.description ?? '', /\*\*Errors\*\* .*urn:news-annotations:problem:/, `${name} lists its problem types`);
    if (operation.parameters?.some((p) => p.in === 'query' && p.name === 'cursor')) {
      t.match(operation.description, /\*\*Pagination:\*\*.*nextCursor/, `${name} says how to page`);
    }
    const schemasOnly = (value: unknown) => JSON.stringify(value ?? {}, (key, inner: unknown) => (key === 'examples' ? undefined : inner));
    if (/"start"/.test(schemasOnly(operation.responses)) || /"start"/.test(schemasOnly(operation.requestBody))) {
      t.match(operation.description, /Unicode code points/, `${name} states the offset unit`);
    }
  }
});
