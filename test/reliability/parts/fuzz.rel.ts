// Fuzzing (issue 8): the .env parser and writer, the access-file loader, the compose/Helm readers,
// the SARIF writers and every zod response schema of the client get seeded generated and mutated
// inputs. Figures per target: crashes (0), inputs over 50 ms when re-timed alone three times (0);
// for the .env writer also round-trip failures (0: rewriting a value changes only that value).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as dotenv from 'dotenv';
import * as fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { checkDeploymentText } from '../../../src/core/deployment/checkDeployment';
import { complianceToSarif } from '../../../src/core/deployment/complianceSarif';
import { ComplianceCodes } from '../../../src/core/deployment/complianceCodes';
import { parseEnv } from '../../../src/core/env/envParser';
import { GitIndexError, parseGitIndex } from '../../../src/core/git/gitIndex';
import { setEnvValues } from '../../../src/core/env/envEdit';
import { textRange } from '../../../src/core/env/position';
import { Api } from '../../../src/core/langfuse/api';
import { errorFromResponse } from '../../../src/core/langfuse/errorMapping';
import { LangfuseError } from '../../../src/core/langfuse/errors';
import { Transport } from '../../../src/core/langfuse/http/transport';
import * as schemas from '../../../src/core/langfuse/schemas';
import type { Finding } from '../../../src/core/rules/finding';
import { RULE_CODES } from '../../../src/core/rules/ruleCodes';
import { toSarif } from '../../../src/core/sarif/toSarif';
import { figure, runPart } from '../lib/figures';
import { fuzz, mutated, mutatedJson, type FuzzTarget } from '../lib/fuzzHarness';

const ROOT = path.join(__dirname, '..', '..', '..');
const PART = 'fuzz';

function readAll(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

// ---- .env parser and writer ----
const ENV_SEEDS = [
  ...readAll(path.join(ROOT, 'test/fixtures/env'), /./),
  ...readAll(path.join(ROOT, 'test/fixtures/workspace-acme'), /^\.env/),
  'LANGFUSE_PUBLIC_KEY=pk-lf-c2000000-0000-4000-8000-000000000001\nLANGFUSE_SECRET_KEY="sk-lf-canary-0001" # staging\nexport LANGFUSE_BASE_URL=\'http://127.0.0.1:3000\'\n',
  'A="multi\nline"\r\nB=`back`\r\n# c\r\nC = spaced  \r\nD: colon\n',
];

const envText = fc.oneof(
  { weight: 2, arbitrary: mutated(ENV_SEEDS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('A', '_', '=', '"', "'", '`', '#', ' ', '\t', '\n', '\r', '\\', 'n', 'x', 'export ', ':') , maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const envParserTarget: FuzzTarget<string> = {
  name: '.env parser',
  arbitrary: envText,
  run(text) {
    const doc = parseEnv(text);
    const lines = text.split('\n').length;
    for (const e of doc.entries) {
      // Lazy ranges must be inside the text.
      for (const r of [e.keyRange, e.valueRange, e.quotedRange]) {
        if (r.start.line < 0 || r.end.line >= lines || r.start.character < 0) throw new Error(`range outside the text for ${e.key}`);
      }
    }
  },
};

// The parser claims dotenv's reading; differences are counted (shown, not checked: the known ones
// are dotenv regex quirks on malformed lines — `KEY⏎=` spanning lines, a lone CR, Unicode spaces —
// which the parser reports as problems instead).
let dotenvDifferences = 0;
let dotenvSample: string | undefined;
const dotenvTarget: FuzzTarget<string> = {
  name: '.env parser vs dotenv',
  arbitrary: envText,
  run(text) {
    const ours: Record<string, string> = {};
    for (const e of parseEnv(text).entries) ours[e.key] = e.value;
    const theirs = dotenv.parse(text);
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    const differing = [...keys].filter(k => ours[k] !== theirs[k]);
    if (differing.length > 0) {
      dotenvDifferences++;
      dotenvSample ??= `${JSON.stringify(text.slice(0, 80))}: ${differing[0]} ours=${JSON.stringify(ours[differing[0]])} dotenv=${JSON.stringify(theirs[differing[0]])}`;
    }
  },
};

const ENV_KEYS = ['A', 'B', 'LANGFUSE_SECRET_KEY', 'LANGFUSE_PUBLIC_KEY', 'X.y-z'];
const valueChars = fc.constantFrom('a', 'Z', '0', '-', ' ', '#', '=', '"', "'", '`', '\\', 'n', '$', '{', '}', ':', 'é');
const lineArb = fc.oneof(
  fc.record({
    kind: fc.constant('assign' as const), key: fc.constantFrom(...ENV_KEYS), value: fc.string({ unit: valueChars, maxLength: 12 }),
    quote: fc.constantFrom('', '"', "'", '`'), exported: fc.boolean(), comment: fc.boolean(), space: fc.constantFrom('', ' ', '\t'),
  }),
  fc.record({ kind: fc.constant('comment' as const), text: fc.string({ maxLength: 10 }) }),
  fc.record({ kind: fc.constant('blank' as const) }),
);
const roundTripArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 8 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  key: fc.constantFrom(...ENV_KEYS, 'NEW_KEY'),
  value: fc.string({ unit: valueChars, maxLength: 16 }),
  raw: fc.option(mutated(ENV_SEEDS), { freq: 4 }),
});

let refusedValues = 0;
let refusedMalformed = 0;
type RoundTripInput = typeof roundTripArb extends fc.Arbitrary<infer T> ? T : never;
const envWriterTarget: FuzzTarget<RoundTripInput> = {
  name: '.env writer round trip',
  arbitrary: roundTripArb,
  run(input) {
    const text = input.raw ?? input.lines.map(l => l.kind === 'blank' ? '' : l.kind === 'comment' ? `# ${l.text.replace(/[\r\n]/g, ' ')}` : `${l.exported ? 'export ' : ''}${l.key}${l.space}=${l.space}${l.quote}${l.value}${l.quote}${l.comment ? ' # note' : ''}`).join(input.eol) + (input.finalEol ? input.eol : '');
    const before = parseEnv(text).entries.map(e => [e.key, e.value]);
    let out: string;
    try {
      out = setEnvValues(text, input.key, [input.value]);
    } catch (err) {
      const message = (err as Error).message;
      if (/cannot be written to a \.env file/.test(message)) { refusedValues++; return; }
      // Refusing to write into a file whose open quote the new value would close loses nothing.
      // Refused rather than written: the file's quoting is such that the new value would change
      // other values. Nothing is lost; counted and shown apart from silent round-trip failures.
      if (/would change other values/.test(message)) { refusedMalformed++; return; }
      throw err;
    }
    const after = parseEnv(out).entries.map(e => [e.key, e.value]);
    const had = before.some(([k]) => k === input.key);
    const expected = had ? before.map(e => e[0] === input.key ? [e[0], input.value] : e) : [...before, [input.key, input.value]];
    if (JSON.stringify(after) !== JSON.stringify(expected)) {
      throw new Error(`round trip changed more than ${input.key}: expected ${JSON.stringify(expected)}, read back ${JSON.stringify(after)} from ${JSON.stringify(out)}`);
    }
  },
};

// The rotation's .env sink writes through the same model (src/core/env/envEdit.ts), judged by the
// dotenv-equivalent parser: setting a key pair value changes every occurrence of that key and nothing else.
const sinkValue = fc.oneof(
  fc.stringMatching(/^sk-lf-[a-z0-9-]{8,40}$/), fc.stringMatching(/^pk-lf-[a-z0-9-]{8,40}$/),
  fc.constantFrom('https://cloud.langfuse.com', 'http://127.0.0.1:3000/base', 'https://eu.cloud.langfuse.com/?x=1&y=2'),
);
const sinkArb = fc.record({ text: mutated(ENV_SEEDS), key: fc.constantFrom(...ENV_KEYS, 'NEW_KEY'), value: sinkValue });
const envSinkTarget: FuzzTarget<{ text: string; key: string; value: string }> = {
  name: '.env sink writer round trip',
  arbitrary: sinkArb,
  run({ text, key, value }) {
    const before = parseEnv(text);
    let out: string;
    try {
      out = setEnvValues(text, key, [value]);
    } catch (err) {
      if (/would change other values/.test((err as Error).message)) { sinkRefused++; return; }
      throw err;
    }
    const after = parseEnv(out).entries.map(e => [e.key, e.value]);
    const had = before.entries.some(e => e.key === key);
    const expected = before.entries.map(e => [e.key, e.key === key ? value : e.value]);
    if (!had) expected.push([key, value]);
    if (JSON.stringify(after) !== JSON.stringify(expected)) {
      throw new Error(`sink write of ${key} changed more: expected ${JSON.stringify(expected)}, read back ${JSON.stringify(after)} from ${JSON.stringify(out)}`);
    }
  },
};
let sinkRefused = 0;

// ---- git index (a hostile repository's .git/index is read without running git) ----
function gitIndexSeeds(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-gitidx-'));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    for (const f of ['.env', '.env.production', 'deploy/prod/app.env', 'a b/é.env', 'x'.repeat(120)]) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'A=1\n');
    }
    git('add', '-A');
    const seeds = [fs.readFileSync(path.join(dir, '.git/index')).toString('latin1')];
    git('update-index', '--index-version', '4');
    seeds.push(fs.readFileSync(path.join(dir, '.git/index')).toString('latin1'));
    return seeds;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const gitIndexTarget: FuzzTarget<string> = {
  name: 'git index reader',
  arbitrary: fc.oneof({ weight: 4, arbitrary: mutated(gitIndexSeeds()) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(s => `DIRC${s}`) }),
  run(text) {
    try {
      parseGitIndex(Buffer.from(text, 'latin1'));
    } catch (err) {
      if (!(err instanceof GitIndexError)) throw err;
    }
  },
};

// ---- access file ----
const ACCESS_SEEDS = [
  fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace-acme/.langfuse/access.yaml'), 'utf8'),
  'version: 1\nconnection: acme\nenvironments:\n  prod: {project: p, files: [".env"], keyPrefix: "pk-lf-prod-"}\nignore:\n  - { file: ".env.local", rule: "shared-key", reason: "local" }\nrotation: {maxAgeDays: 90}\n',
  'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nenvironments: *c\n',
  'version: 1\nconnection: x\nbaseUrl: https://attacker.example\nenvironments: {}\n',
];
const accessArb = fc.oneof(
  { weight: 3, arbitrary: mutated(ACCESS_SEEDS) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(v => yamlStringify(v)) },
  {
    weight: 1,
    arbitrary: fc.record({
      version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      connection: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      environments: fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ project: fc.string(), files: fc.array(fc.string({ maxLength: 10 })), publicKeys: fc.array(fc.string()), keyPrefix: fc.string() }, { requiredKeys: [] })),
      ignore: fc.array(fc.record({ file: fc.string(), rule: fc.constantFrom(...RULE_CODES, 'nope'), reason: fc.string() })),
    }, { requiredKeys: [] }).map(v => yamlStringify(v)),
  },
);
const accessTarget: FuzzTarget<string> = {
  name: 'access-file loader',
  arbitrary: accessArb,
  run(text) {
    const loaded = parseAccessFile(text, '/w/.langfuse/access.yaml', '/w');
    if (!loaded.config && loaded.problems.length === 0) throw new Error('invalid file without a problem to show');
  },
};

// ---- compose / Helm readers (through the whole check, as the CLI and the editor run them) ----
const COMPOSE_SEEDS = readAll(path.join(ROOT, 'test/fixtures/deployment'), /compose\.ya?ml$/);
const HELM_SEEDS = readAll(path.join(ROOT, 'test/fixtures/deployment/helm'), /\.ya?ml$/);
const SERVER_ENV = readAll(path.join(ROOT, 'test/fixtures/deployment'), /\.env$/)[0] ?? '';
const readNeighbour = (file: string) => (file.endsWith('.env') ? SERVER_ENV : undefined);
const composeTarget: FuzzTarget<string> = {
  name: 'compose reader + checks',
  arbitrary: fc.oneof({ weight: 4, arbitrary: mutated(COMPOSE_SEEDS) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(v => yamlStringify({ services: v })) }),
  run(text) { checkDeploymentText('/w/docker-compose.yml', text, readNeighbour); },
};
const helmTarget: FuzzTarget<string> = {
  name: 'Helm values reader + checks',
  arbitrary: fc.oneof({ weight: 4, arbitrary: mutated(HELM_SEEDS) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(v => yamlStringify({ langfuse: v })) }),
  run(text) { checkDeploymentText('/w/values.yaml', text, readNeighbour); },
};

// ---- SARIF writers, validated against the schema the lint tests use ----
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0-rtm.5.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({
    allErrors: false, strict: false, unicodeRegExp: false,
    formats: {
      uri: (s: string) => { try { new URL(s); return true; } catch { return false; } },
      'uri-reference': (s: string) => { try { new URL(s, 'file:///base/'); return !/\s/.test(s); } catch { return false; } },
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
    },
  });
  return ajv.compile(schema);
}
const validateSarif = sarifValidator();
const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }).filter(s => !s.includes('/') && s !== '.' && s !== '..'), fc.constantFrom('..', '.env', 'a b', '%20', '#', '?', 'é', '😀', 'C:'));
const filePath = fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 })).map(([inside, segs]) => path.join(inside ? '/w/repo' : '/elsewhere', ...segs));
const rangeArb = fc.tuple(fc.nat(5000), fc.nat(500), fc.nat(5), fc.nat(500)).map(([l, c, dl, c2]) => textRange(l, c, l + dl, dl === 0 ? c + c2 : c2));
const findingArb = fc.record({
  file: filePath, range: rangeArb, code: fc.constantFrom(...RULE_CODES), severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<'error' | 'warning' | 'info'>,
  message: fc.string({ unit: 'binary', maxLength: 80 }),
  fixes: fc.array(fc.oneof(
    fc.record({ kind: fc.constant('replaceText' as const), title: fc.string({ unit: 'binary', maxLength: 20 }), range: rangeArb, newText: fc.string({ unit: 'binary', maxLength: 20 }) }),
    fc.record({ kind: fc.constant('openKeyInTree' as const), title: fc.string(), publicKey: fc.string() }),
  ), { maxLength: 2 }),
  publicKey: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});
const sarifTarget: FuzzTarget<{ findings: Finding[]; suppressed: (Finding & { suppressionReason: string })[] }> = {
  name: 'SARIF writer (lint)',
  arbitrary: fc.record({
    findings: fc.array(findingArb, { maxLength: 4 }) as fc.Arbitrary<Finding[]>,
    suppressed: fc.array(fc.tuple(findingArb, fc.string({ unit: 'binary', maxLength: 20 })).map(([f, r]) => ({ ...f, suppressionReason: r })), { maxLength: 2 }) as fc.Arbitrary<(Finding & { suppressionReason: string })[]>,
  }),
  run(input) {
    const log = JSON.parse(JSON.stringify(toSarif({ findings: input.findings, suppressed: input.suppressed as never, baseDir: '/w/repo' })));
    if (!validateSarif(log)) throw new Error(`invalid SARIF: ${JSON.stringify(validateSarif.errors?.[0])}`);
  },
};
const COMPLIANCE_CODES = Object.keys(ComplianceCodes);
const complianceSarifTarget: FuzzTarget<unknown[]> = {
  name: 'SARIF writer (compliance)',
  arbitrary: fc.array(fc.record({
    file: filePath, range: rangeArb, code: fc.constantFrom(...COMPLIANCE_CODES), severity: fc.constantFrom('error', 'warning', 'info'),
    message: fc.string({ unit: 'binary', maxLength: 80 }), fixes: fc.constant([]),
  }), { maxLength: 4 }),
  run(findings) {
    const log = JSON.parse(JSON.stringify(complianceToSarif(findings as never, '/w/repo')));
    if (!validateSarif(log)) throw new Error(`invalid SARIF: ${JSON.stringify(validateSarif.errors?.[0])}`);
  },
};

// ---- zod response schemas, through the client's own parse and error mapping ----
const RECORDED_BODIES: unknown[] = fs.readdirSync(path.join(ROOT, 'test/fixtures/recordings'))
  .filter(f => f.endsWith('.json'))
  .map(f => JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/recordings', f), 'utf8')).response?.body)
  .filter(b => b !== undefined && b !== null);
const SCHEMAS = Object.entries(schemas).filter(([, s]) => typeof (s as { safeParse?: unknown }).safeParse === 'function') as [string, Parameters<Api['parse']>[2]][];
const transport = new Transport({
  origin: 'http://127.0.0.1:9', basePath: '', publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-canary-fuzz-0000000000000001',
  timeoutMs: 1000, maxConcurrency: 1, userAgent: 'fuzz', retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 }, maxResponseBytes: 1024,
});
const api = new Api(transport);
const bodyArb = fc.oneof(
  { weight: 4, arbitrary: mutatedJson(RECORDED_BODIES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('<html><body>Sign in</body></html>', 'Invalid JSON', '', ' ')) },
);
function schemaTarget(name: string, schema: Parameters<Api['parse']>[2]): FuzzTarget<{ body: unknown; status: number }> {
  return {
    name: `schema ${name}`,
    arbitrary: fc.record({ body: bodyArb, status: fc.oneof(fc.constantFrom(200, 201, 400, 401, 403, 404, 405, 409, 429, 500, 502), fc.integer({ min: 100, max: 599 })) }),
    run({ body, status }) {
      try {
        api.parse({ method: 'GET', path: '/api/public/fuzz' }, { status, headers: {}, body }, schema);
      } catch (err) {
        if (!(err instanceof LangfuseError)) throw new Error(`untyped error from parse: ${String(err)}`);
        if (err.message.includes('sk-lf-canary')) throw new Error('secret in an error message');
      }
      const mapped = errorFromResponse({ status, body, request: 'GET /api/public/fuzz', host: '127.0.0.1:9', publicKey: transport.publicKey, retryAfterMs: undefined });
      if (!(mapped instanceof LangfuseError) || !mapped.message) throw new Error('error mapping gave no typed error');
    },
  };
}

runPart(PART, async ({ seed, long }) => {
  const base = long ? 100_000 : 4_000;
  process.stderr.write(`[fuzz] ${base} inputs per target (schemas: ${long ? base : 1_000} each), seed ${seed}\n`);
  const targets: [FuzzTarget<never>, number][] = [
    [envParserTarget as FuzzTarget<never>, base * 2],
    [envWriterTarget as FuzzTarget<never>, base * 2],
    [dotenvTarget as FuzzTarget<never>, base],
    [envSinkTarget as FuzzTarget<never>, base],
    [gitIndexTarget as FuzzTarget<never>, base],
    [accessTarget as FuzzTarget<never>, base],
    [composeTarget as FuzzTarget<never>, base],
    [helmTarget as FuzzTarget<never>, base],
    [sarifTarget as FuzzTarget<never>, base],
    [complianceSarifTarget as FuzzTarget<never>, base],
    ...SCHEMAS.map(([n, s]) => [schemaTarget(n, s) as FuzzTarget<never>, long ? base : 1_000] as [FuzzTarget<never>, number]),
  ];
  let totalCrashes = 0;
  let totalSlow = 0;
  let totalInputs = 0;
  let schemaCrashes = 0, schemaSlow = 0, schemaInputs = 0;
  for (const [target, count] of targets) {
    const o = fuzz(target, seed, long ? Math.max(count, 100_000) : count);
    totalCrashes += o.crashes;
    totalSlow += o.slow;
    totalInputs += o.inputs;
    process.stderr.write(`[fuzz] ${o.name}: ${o.inputs} inputs, ${o.crashes} crashes, ${o.slow} slow, ${o.seconds.toFixed(1)} s${o.samples.length ? `\n  ${o.samples.join('\n  ')}` : ''}\n`);
    if (o.name.startsWith('schema ')) {
      schemaCrashes += o.crashes; schemaSlow += o.slow; schemaInputs += o.inputs;
      if (o.crashes || o.slow) figure(PART, `${o.name}: crashes / slow`, o.crashes + o.slow, { max: 0 }, o.samples[0]);
      continue;
    }
    if (o.name.endsWith('round trip')) {
      figure(PART, `${o.name}: round-trip failures (${o.inputs} inputs)`, o.crashes, { max: 0 }, o.samples[0]);
      figure(PART, `${o.name}: slow inputs`, o.slow, { max: 0 }, o.samples[0]);
      continue;
    }
    figure(PART, `${o.name}: crashes (${o.inputs} inputs)`, o.crashes, { max: 0 }, o.samples[0]);
    figure(PART, `${o.name}: inputs slower than 40× the median and 50 ms, 3 times`, o.slow, { max: 0 }, o.samples[0]);
  }
  figure(PART, `${SCHEMAS.length} zod response schemas: untyped throws (${schemaInputs} inputs)`, schemaCrashes, { max: 0 });
  figure(PART, `${SCHEMAS.length} zod response schemas: inputs > 50 ms ×3`, schemaSlow, { max: 0 });
  figure(PART, '.env writer: values refused with a clear message (no quote fits)', refusedValues, undefined);
  figure(PART, '.env writer: writes refused (file quoting would let the value change others)', refusedMalformed, undefined);
  figure(PART, '.env sink writer: writes refused because the file\'s own open quote would change other values', sinkRefused, undefined);
  figure(PART, '.env parser: inputs dotenv reads differently (malformed lines)', dotenvDifferences, undefined, dotenvSample);
  figure(PART, 'total fuzz inputs', totalInputs, undefined, `crashes ${totalCrashes}, slow ${totalSlow}`);
});
