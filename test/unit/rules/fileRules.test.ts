import * as assert from 'node:assert/strict';
import { checkEnvFile } from '../../../src/core/rules/checkEnvFile';
import { sharedKeyFindings } from '../../../src/core/rules/workspaceRules';
import { keyIndexFromEntries } from '../../../src/core/rules/keyIndex';
import { access, check, codes, DEMO, indexEntry, NOW, only, pair } from './helpers';

// Each row: rule, a .env text that must produce it (at the given 0-based line), and one that must not.
const TABLE: Array<{ code: string; bad: string; line: number; good: string; severity?: string }> = [
  { code: 'unbalanced-quote', bad: `LANGFUSE_PUBLIC_KEY="${DEMO.staging.pk}\n`, line: 0, good: `LANGFUSE_PUBLIC_KEY="${DEMO.staging.pk}"\n` },
  { code: 'not-an-assignment', bad: 'LANGFUSE_HOST https://cloud.langfuse.com\n', line: 0, good: 'SOMETHING ELSE ENTIRELY\n' },
  { code: 'key-whitespace', bad: `LANGFUSE_PUBLIC_KEY=" ${DEMO.staging.pk}"\n`, line: 0, good: `LANGFUSE_PUBLIC_KEY="${DEMO.staging.pk}"\n` },
  { code: 'key-whitespace', bad: `LANGFUSE_SECRET_KEY=${DEMO.staging.sk}   \n`, line: 0, good: `LANGFUSE_SECRET_KEY=${DEMO.staging.sk} # comment\n`, severity: 'warning' },
  { code: 'key-multiline', bad: `LANGFUSE_SECRET_KEY="${DEMO.staging.sk}\n"\n`, line: 0, good: `LANGFUSE_SECRET_KEY="${DEMO.staging.sk}"\n` },
  { code: 'display-secret-key', bad: 'LANGFUSE_SECRET_KEY=sk-lf-...0001\n', line: 0, good: 'LANGFUSE_SECRET_KEY=sk-lf-...\n' },
  { code: 'swapped-keys', bad: `LANGFUSE_PUBLIC_KEY=${DEMO.staging.sk}\n`, line: 0, good: `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n` },
  { code: 'key-format', bad: 'LANGFUSE_PUBLIC_KEY=lf_pk_1234567890\n', line: 0, good: `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n` },
  { code: 'key-contains-colon', bad: 'LANGFUSE_SECRET_KEY=sk-lf-abc:def\n', line: 0, good: 'LANGFUSE_SECRET_KEY=sk-lf-abc-def\n' },
  { code: 'duplicate-variable', bad: `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\nLANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n`, line: 0, good: `LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\nNEXT_PUBLIC_LANGFUSE_PUBLIC_KEY=${DEMO.staging.pk}\n` },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=http://langfuse.internal.acme.com\n', line: 0, good: 'LANGFUSE_BASE_URL=http://127.0.0.1:3000\n' },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=https://cloud.langfuse.com/api/public\n', line: 0, good: 'LANGFUSE_BASE_URL=https://cloud.langfuse.com/\n' },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=cloud.langfuse.com\n', line: 0, good: 'LANGFUSE_BASE_URL=<your Langfuse URL>\n' },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=https://user:sk-lf-canary-1@cloud.langfuse.com\n', line: 0, good: 'LANGFUSE_BASE_URL=https://cloud.langfuse.com\n' },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=https://eu.cloud.langfuse.com\n', line: 0, good: 'LANGFUSE_BASE_URL=https://jp.cloud.langfuse.com\n' },
  { code: 'base-url-invalid', bad: 'LANGFUSE_BASE_URL=https://cloud.langfuse.com/project/abc\n', line: 0, good: 'LANGFUSE_BASE_URL=https://langfuse.acme.internal/langfuse\n' },
  { code: 'legacy-variable', bad: 'LANGFUSE_HOST=https://cloud.langfuse.com\n', line: 0, good: 'LANGFUSE_BASE_URL=https://cloud.langfuse.com\nLANGFUSE_HOST=https://cloud.langfuse.com\n', severity: 'info' },
];

describe('file rules: table of positive and negative cases', () => {
  for (const row of TABLE) {
    it(`${row.code}: reported for ${JSON.stringify(row.bad.trim().slice(0, 40))}, not for the corrected line`, () => {
      const bad = only(check('.env.staging', row.bad).findings, row.code);
      assert.equal(bad.length, 1, JSON.stringify(codes(check('.env.staging', row.bad).findings)));
      assert.equal(bad[0].range.start.line, row.line);
      if (row.severity) assert.equal(bad[0].severity, row.severity);
      assert.deepEqual(only(check('.env.staging', row.good).findings, row.code), []);
      assert.doesNotMatch(JSON.stringify(bad), /sk-lf-(demo|canary)-/, 'no secret in the finding or its fixes');
    });
  }

  it('skips placeholders and example-style values entirely', () => {
    const text = 'LANGFUSE_PUBLIC_KEY=pk-lf-...\nLANGFUSE_SECRET_KEY=<your secret key>\nLANGFUSE_BASE_URL=${LANGFUSE_URL}\nNEXT_PUBLIC_LANGFUSE_PUBLIC_KEY=\n';
    assert.deepEqual(codes(check('.env.staging', text).findings), []);
  });

  it('offers a swap when the two keys sit in each other\'s variable', () => {
    const text = `LANGFUSE_PUBLIC_KEY=${DEMO.staging.sk}\nLANGFUSE_SECRET_KEY=${DEMO.staging.pk}\n`;
    const swapped = only(check('.env.staging', text).findings, 'swapped-keys');
    assert.equal(swapped.length, 2);
    const fix = swapped[0].fixes[0];
    assert.ok(fix.kind === 'swapValues');
    assert.equal(fix.first.start.line, 0);
    assert.equal(fix.second.start.line, 1);
  });

  it('offers trim and delete fixes that carry ranges, never the secret', () => {
    const quoted = only(check('.env.staging', `LANGFUSE_SECRET_KEY=" ${DEMO.staging.sk} "\n`).findings, 'key-whitespace')[0];
    assert.deepEqual(quoted.fixes[0], { kind: 'trimValue', title: 'Remove the blanks around the key', range: quoted.range });
    const trailing = only(check('.env.staging', `LANGFUSE_SECRET_KEY=${DEMO.staging.sk}  \n`).findings, 'key-whitespace')[0];
    assert.deepEqual(trailing.range, { start: { line: 0, character: 67 }, end: { line: 0, character: 69 } });
    assert.ok(!JSON.stringify([quoted, trailing]).includes('sk-lf-demo-'));
  });
});

describe('rules on base URLs and the SDK in use', () => {
  it('warns that JS SDK v4 ignores LANGFUSE_HOST and offers the rename', () => {
    const [f] = only(check('.env.staging', 'LANGFUSE_HOST=https://cloud.langfuse.com\n', { sdks: ['js-v4'] }).findings, 'variable-ignored-by-sdk');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fixes[0], { kind: 'replaceText', title: 'Rename to LANGFUSE_BASE_URL', range: f.range, newText: 'LANGFUSE_BASE_URL' });
  });

  const cases: Array<[string, string, Array<'js-v4' | 'js-v3' | 'python'>, boolean]> = [
    ['LANGFUSE_BASE_URL with JS v3', 'LANGFUSE_BASE_URL=https://cloud.langfuse.com\n', ['js-v3'], true],
    ['LANGFUSE_BASEURL with Python', 'LANGFUSE_BASEURL=https://cloud.langfuse.com\n', ['python'], true],
    ['LANGFUSE_HOST with JS v3', 'LANGFUSE_HOST=https://cloud.langfuse.com\n', ['js-v3'], true],
    ['LANGFUSE_BASE_URL with JS v4', 'LANGFUSE_BASE_URL=https://cloud.langfuse.com\n', ['js-v4'], false],
    ['LANGFUSE_HOST with Python', 'LANGFUSE_HOST=https://cloud.langfuse.com\n', ['python'], false],
    ['LANGFUSE_BASEURL with JS v3', 'LANGFUSE_BASEURL=https://cloud.langfuse.com\n', ['js-v3'], false],
    ['a prefixed NEXT_PUBLIC_LANGFUSE_HOST with JS v4 (application code reads it)', 'NEXT_PUBLIC_LANGFUSE_HOST=https://cloud.langfuse.com\n', ['js-v4'], false],
  ];
  for (const [name, text, sdks, expected] of cases) {
    it(`${expected ? 'reports' : 'accepts'} ${name}`, () => {
      assert.equal(only(check('.env.staging', text, { sdks }).findings, 'variable-ignored-by-sdk').length, expected ? 1 : 0);
    });
  }

  it('compares the base URL with where the connection points (from settings, not the workspace)', () => {
    const [f] = only(check('.env.staging', 'LANGFUSE_BASE_URL=https://us.cloud.langfuse.com\n', { connectionBaseUrl: 'https://cloud.langfuse.com' }).findings, 'base-url-mismatch');
    assert.match(f.message, /connection "acme-eu" points to https:\/\/cloud\.langfuse\.com/);
    assert.deepEqual(f.fixes[0], { kind: 'replaceText', title: 'Use https://cloud.langfuse.com', range: f.range, newText: 'https://cloud.langfuse.com' });
    assert.deepEqual(only(check('.env.staging', 'LANGFUSE_BASE_URL=https://cloud.langfuse.com/\n', { connectionBaseUrl: 'https://cloud.langfuse.com' }).findings, 'base-url-mismatch'), []);
    assert.deepEqual(only(check('.env.staging', 'LANGFUSE_BASE_URL=https://us.cloud.langfuse.com\n').findings, 'base-url-mismatch'), [], 'no connection URL known: nothing to compare');
  });
});

describe('rules on git', () => {
  const tracked = { relativePath: '.env.staging', tracked: true, ignored: false };
  const ignored = { relativePath: '.env.staging', tracked: false, ignored: true };
  const exposed = { relativePath: '.env.production', tracked: false, ignored: false };

  it('reports a secret key in a tracked file and offers rotation and .gitignore', () => {
    const [f] = only(check('.env.staging', pair('staging'), { git: tracked, gitignorePath: '/w/.gitignore' }).findings, 'secret-in-tracked-file');
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.line, 1);
    assert.deepEqual(f.fixes.map(x => x.kind), ['openRotationWizard', 'addToGitignore', 'ignoreFinding']);
    const add = f.fixes[1];
    assert.ok(add.kind === 'addToGitignore');
    assert.deepEqual([add.gitignorePath, add.pattern, add.alsoUntrack], ['/w/.gitignore', '/.env.staging', true]);
  });

  it('reports a production key in a file git does not ignore, and not once it is ignored', () => {
    const [f] = only(check('.env.production', pair('production'), { git: exposed, gitignorePath: '/w/.gitignore' }).findings, 'production-key-not-ignored');
    assert.equal(f.range.start.line, 0);
    assert.equal(f.fixes[0].kind, 'addToGitignore');
    assert.deepEqual(only(check('.env.production', pair('production'), { git: { ...exposed, ignored: true } }).findings, 'production-key-not-ignored'), []);
    assert.deepEqual(only(check('.env.staging', pair('staging'), { git: { ...exposed, relativePath: '.env.staging' } }).findings, 'production-key-not-ignored'), [], 'staging key');
  });

  it('offers no .gitignore fix for a file name git or a shell would interpret (the finding stays)', () => {
    const [f] = only(check('.env.production', pair('production'), { git: { ...exposed, relativePath: '.env.x;touch${IFS}PWNED' }, gitignorePath: '/w/.gitignore' }).findings, 'production-key-not-ignored');
    assert.deepEqual(f.fixes.filter(x => x.kind === 'addToGitignore'), []);
  });

  it('knows a production key by its project even in a file of another environment', () => {
    assert.equal(only(check('.env.staging', pair('production'), { git: { ...exposed, relativePath: '.env.staging' } }).findings, 'production-key-not-ignored').length, 1);
  });

  it('says nothing about git for an ignored file or outside a repository', () => {
    assert.deepEqual(codes(check('.env.staging', pair('staging'), { git: ignored }).findings).filter(c => c.includes('track') || c.includes('ignored')), []);
    assert.deepEqual(codes(check('.env.staging', pair('staging')).findings).filter(c => c.includes('track') || c.includes('ignored')), []);
  });
});

describe('rule shared-key (across files)', () => {
  it('reports a key pair used in two environments once per file, on the public key', () => {
    const a = check('.env.production', pair('production'));
    const b = check('.env.staging', pair('production'));
    const shared = sharedKeyFindings([a, b]);
    assert.deepEqual(shared.map(f => [f.file, f.range.start.line]), [['/w/.env.production', 0], ['/w/.env.staging', 0]]);
    assert.match(shared[0].message, /also used in environment staging\. Never share keys across environments/);
  });

  it('reports a shared secret without naming it', () => {
    const a = check('.env.production', `LANGFUSE_SECRET_KEY=${DEMO.production.sk}\n`);
    const b = check('.env.staging', `LANGFUSE_SECRET_KEY=${DEMO.production.sk}\n`);
    const shared = sharedKeyFindings([a, b]);
    assert.equal(shared.length, 2);
    assert.ok(!JSON.stringify(shared).includes(DEMO.production.sk));
  });

  it('accepts the same key in several files of one environment', () => {
    const a = check('.env.staging', pair('staging'));
    const b = check('.env.local', pair('staging'));
    assert.deepEqual(sharedKeyFindings([a, b]), []);
  });
});

describe('ignored findings', () => {
  it('moves a finding named in the access file\'s ignore list to suppressed, with its reason', () => {
    const yaml = `version: 1\nenvironments:\n  staging: { project: staging-chatbot, files: [.env.staging, .env.local], publicKeys: [${DEMO.staging.pk}] }\nignore:\n  - { file: ".env.local", rule: "pair-unverified", reason: "local sandbox key" }\n`;
    const local = checkEnvFile({ filePath: '/w/.env.local', text: pair('staging'), access: access(yaml), now: NOW });
    assert.deepEqual(codes(local.findings), []);
    assert.equal(local.suppressed.length, 1);
    assert.equal(local.suppressed[0].suppressionReason, 'local sandbox key');
    const staging = checkEnvFile({ filePath: '/w/.env.staging', text: pair('staging'), access: access(yaml), now: NOW });
    assert.deepEqual(codes(staging.findings), ['pair-unverified'], 'other files keep the finding');
  });
});

describe('a key next to a base URL that is not its connection\'s host', () => {
  const foreign = `${pair('staging')}LANGFUSE_BASE_URL=https://cloud.langfuse.com\nLANGFUSE_HOST=https://collector.evil.example\n`;

  it('flags the key, naming both hosts and the variable, with a fix pointing it back (connection from the access file, resolved from settings)', () => {
    const [f] = only(check('.env.staging', foreign, { connectionBaseUrl: 'https://cloud.langfuse.com' }).findings, 'key-foreign-host');
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.line, 0, 'on the public key');
    assert.equal(f.message, `${DEMO.staging.pk} belongs to the connection "acme-eu" at cloud.langfuse.com, but LANGFUSE_HOST (read by Python SDKs when LANGFUSE_BASE_URL is not set, and alone by Python SDKs before 3.8.1) in this file points to collector.evil.example: an SDK loading this file sends the key pair there. Point it at https://cloud.langfuse.com, or keep this key out of the file.`);
    assert.deepEqual(f.fixes[0], { kind: 'replaceText', title: 'Point LANGFUSE_HOST at https://cloud.langfuse.com', range: { start: { line: 3, character: 14 }, end: { line: 3, character: 44 } }, newText: 'https://cloud.langfuse.com' });
    assert.doesNotMatch(f.message, /sk-lf-/);
  });

  it('takes the key\'s connection from the key index (the user\'s connections) before the access file, and says nothing when no host is known or all agree', () => {
    const keyIndex = keyIndexFromEntries({ [DEMO.staging.pk]: indexEntry('staging', { connectionName: 'Acme US', connectionBaseUrl: 'https://collector.evil.example' }) }, false);
    const byIndex = only(check('.env.staging', foreign, { keyIndex, connectionBaseUrl: 'https://collector.evil.example' }).findings, 'key-foreign-host');
    assert.match(byIndex[0].message, /belongs to the connection "Acme US" at collector\.evil\.example, but LANGFUSE_BASE_URL \(read first by current JS\/TS \(v4\+\) and Python SDKs\) in this file points to cloud\.langfuse\.com/);
    assert.deepEqual(only(check('.env.staging', foreign).findings, 'key-foreign-host'), [], 'no connection known: offline, nothing to compare');
    assert.deepEqual(only(check('.env.staging', `${pair('staging')}LANGFUSE_BASE_URL=https://cloud.langfuse.com/\n`, { connectionBaseUrl: 'https://cloud.langfuse.com' }).findings, 'key-foreign-host'), []);
    assert.deepEqual(only(check('.env.staging', 'LANGFUSE_HOST=https://collector.evil.example\n', { connectionBaseUrl: 'https://cloud.langfuse.com' }).findings, 'key-foreign-host'), [], 'no key in the file');
  });
});
