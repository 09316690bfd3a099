// The manifest checks `npm run lint` runs (test/scripts/check-manifest.mjs), and the settings schema a
// user's settings.json is validated against (issue 20 item 8).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

const ROOT = path.resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
type Check = { manifestProblems(pkg: any, nls: Record<string, string>, dir?: string): string[] };

describe('extension manifest (package.json, package.nls.json)', () => {
  let check: Check;
  before(async () => { check = await import(path.join(ROOT, 'test', 'scripts', 'check-manifest.mjs')) as Check; });

  it('passes: every string localised, every setting described, icon, repository, activation', () => {
    assert.deepEqual(check.manifestProblems(read('package.json'), read('package.nls.json')), []);
  });

  it('names what breaks a rule', () => {
    const problems = (mutate: (pkg: any, nls: Record<string, string>) => void) => {
      const pkg = read('package.json');
      const nls = read('package.nls.json');
      mutate(pkg, nls);
      return check.manifestProblems(pkg, nls);
    };
    const siem = (pkg: any) => pkg.contributes.configuration.properties['langfuseAccess.auditForwarding'].properties.siem;
    assert.deepEqual(problems((pkg, nls) => { delete siem(pkg).properties.caFile.markdownDescription; delete nls['config.auditForwarding.siem.caFile']; }), ['setting langfuseAccess.auditForwarding.siem.caFile has no description']);
    assert.match(problems(pkg => { pkg.contributes.commands[0].category = 'Langfuse Access'; }).join('\n'), /commands\[0\]\.category \(langfuseAccess\.addConnection\) is not localised/);
    assert.match(problems(pkg => { pkg.contributes.views.langfuseAccess[0].contextualTitle = 'Langfuse Access'; }).join('\n'), /views\.langfuseAccess\[0\]\.contextualTitle is not localised/);
    assert.deepEqual(problems((_pkg, nls) => { nls.unused = 'x'; }), ['package.nls.json key "unused" is not used by package.json']);
    assert.deepEqual(problems(pkg => { pkg.activationEvents.push('onView:langfuseAccess.auditLog'); }), ['activation event onView:langfuseAccess.auditLog is redundant: VS Code generates it for contributed views and commands']);
    assert.match(problems(pkg => { pkg.activationEvents = pkg.activationEvents.filter((e: string) => !e.includes('values')); }).join('\n'), /no workspaceContains activation event matches charts\/langfuse\/values\.yaml/);
    assert.deepEqual(problems(pkg => { pkg.icon = 'media/langfuse-access.svg'; }), ['icon must name a PNG file (got media/langfuse-access.svg)']);
    assert.deepEqual(problems(pkg => { pkg.repository.url = 'https://example.invalid/langfuse-access.git'; }), ['repository.url must be the project\'s https URL (got https://example.invalid/langfuse-access.git)']);
  });

  it('a token pasted into auditForwarding is flagged, and the SIEM URL must be https (http only on loopback)', () => {
    const schema = read('package.json').contributes.configuration.properties['langfuseAccess.auditForwarding'];
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const ok = (value: unknown) => validate(value);
    assert.equal(ok({ siem: { url: 'https://siem.acme.com/ingest', batchSize: 50 }, syslog: { host: 'logs.acme.com', port: 6514, tls: true } }), true);
    assert.equal(ok({ siem: { url: 'http://127.0.0.1:8088/ingest' } }), true);
    assert.equal(ok({ siem: { url: 'http://localhost/ingest' } }), true);
    assert.equal(ok({ siem: { url: 'http://siem.acme.com/ingest' } }), false, 'plain http to a remote host');
    assert.equal(ok({ siem: { url: 'http://127.0.0.1.evil.com/ingest' } }), false, 'not loopback');
    assert.equal(ok({ siem: { url: 'https://siem.acme.com', token: 'abc123' } }), false, 'a token in siem');
    assert.equal(ok({ token: 'abc123', siem: { url: 'https://siem.acme.com' } }), false, 'a token beside siem');
    assert.equal(ok({ syslog: { host: 'logs', port: 6514, tls: true, password: 'x' } }), false);
    const managers = new Ajv({ strict: false }).compile(read('package.json').contributes.configuration.properties['langfuseAccess.secretManagers']);
    assert.equal(managers({ vault: { address: 'https://vault.acme.com' } }), true);
    assert.equal(managers({ vault: { address: 'https://vault.acme.com', token: 'hvs.x' } }), false, 'the Vault token is not a setting');
    assert.equal(managers({ vaultToken: 'hvs.x' }), false);
  });

  it('declares where it runs: the workspace side (remote hosts), no web build, restricted settings that a workspace could set', () => {
    const pkg = read('package.json');
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.browser, undefined, 'no web entry point');
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const props = pkg.contributes.configuration.properties;
    for (const key of restricted) assert.ok(['resource', 'window', 'language-overridable', undefined].includes(props[key].scope), `${key} can have a workspace value, so restricting it means something`);
    assert.ok(restricted.length > 0);
  });
});
