// The pure parts: the diff's meaning of project roles (NONE is an explicit "no access", distinct
// from having no project role), exhaustive and non-exhaustive lists, the file's meaning checks,
// export writing only its own sections, and plan renderings that show outside text as typed.
import { strict as assert } from 'node:assert';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { diffAccess } from '../../../src/core/accessAsCode/diff';
import { exportDeclaration } from '../../../src/core/accessAsCode/exportDeclaration';
import { writeExportedYaml } from '../../../src/core/accessAsCode/exportYaml';
import type { LiveOrganization } from '../../../src/core/accessAsCode/liveState';
import { makePlan } from '../../../src/core/accessAsCode/makePlan';
import { renderMarkdown } from '../../../src/core/accessAsCode/render/markdown';
import { renderText } from '../../../src/core/accessAsCode/render/text';

const NOW = new Date('2027-03-01T00:00:00Z');
const member = (id: string, role: string) => ({ userId: `u-${id}`, email: `${id}@acme.com`, name: id.toUpperCase(), role: role as never });
const key = (id: string, note: string | null, createdAt = '2027-02-01T00:00:00.000Z') => ({ id, note, publicKey: `pk-lf-${id}`, displaySecretKey: 'sk-lf-...0000', createdAt, expiresAt: null, lastUsedAt: null });

function live(): LiveOrganization {
  return {
    members: [member('owner', 'OWNER'), member('dev', 'MEMBER'), member('viewer', 'VIEWER')],
    projectNames: [{ id: 'p1', name: 'prod' }, { id: 'p2', name: 'other' }],
    projects: [{ id: 'p1', name: 'prod', overrides: [member('viewer', 'ADMIN')], apiKeys: [key('k1', 'svc'), key('k2', null)] }],
    organizationApiKeys: [],
    readAt: NOW.toISOString(),
  };
}

function parse(text: string) {
  const loaded = parseAccessFile(text, '/repo/.langfuse/access.yaml', '/repo');
  assert.deepEqual(loaded.problems, []);
  return loaded.config!;
}

describe('access as code: the diff, the file and the renderings (pure)', () => {
  const ctx = { now: NOW, maxAgeDays: 90, rotationsInProgress: [] };

  it('a project role NONE is set as an explicit "no access"; leaving someone out of an exhaustive list clears their project role', () => {
    const d = parse('version: 1\nprojects:\n  prod:\n    exhaustive: true\n    members: [{ email: dev@acme.com, role: NONE }]\n    keys: [{ note: svc, stores: [], rotate: manual }]\n');
    const out = diffAccess(d, live(), ctx);
    const byKind = Object.fromEntries(out.changes.map(c => [c.kind, c]));
    assert.equal(byKind['projectRole.set'].from, 'inherits MEMBER');
    assert.equal(byKind['projectRole.set'].to, 'NONE');
    assert.equal(byKind['projectRole.set'].live, 'none', 'no project role before: NONE is a new row, not a removal');
    assert.equal(byKind['projectRole.clear'].email, 'viewer@acme.com');
    assert.equal(byKind['projectRole.clear'].to, 'inherits VIEWER');
    assert.equal(byKind['key.revoke'].keyId, 'k2', 'a key without a note cannot be declared: revoked in an exhaustive list');
    assert.ok(byKind['key.revoke'].destroy);
    assert.ok(!byKind['projectRole.clear'].destroy, 'clearing a project role is not a destroy');
  });

  it('non-exhaustive lists leave the rest alone and report it as unmanaged; undeclared projects are counted', () => {
    const d = parse('version: 1\norganization:\n  members: [{ email: owner@acme.com, role: OWNER }]\nprojects:\n  prod:\n    members: []\n');
    const out = diffAccess(d, live(), ctx);
    assert.deepEqual(out.changes, []);
    const unmanaged = out.unmanaged.map(u => u.message).join('\n');
    assert.match(unmanaged, /dev@acme\.com \(MEMBER\) is a member of the organization but not declared/);
    assert.match(unmanaged, /viewer@acme\.com has the project role ADMIN in prod but is not declared/);
    assert.match(unmanaged, /Key pk-lf-k1 \("svc"\) of prod: not declared/);
    assert.match(unmanaged, /1 project\(s\) are not declared.*other/);
  });

  it('someone unknown with a project role is added through SCIM as NONE first', () => {
    const d = parse('version: 1\nprojects:\n  prod:\n    members: [{ email: New@Acme.com, role: VIEWER }]\n');
    const out = diffAccess(d, live(), ctx);
    assert.deepEqual(out.changes.map(c => `${c.kind} ${c.to}`), ['member.add NONE', 'projectRole.set VIEWER']);
    assert.equal(out.changes[1].live, 'absent');
  });

  it('keys: missing → create; overdue and auto → rotate; overdue and manual → warning only; a project that does not exist → warning', () => {
    const l = live();
    l.projects[0].apiKeys = [key('k1', 'svc', '2026-01-01T00:00:00.000Z')];
    const auto = parse('version: 1\nprojects:\n  prod:\n    keys:\n      - { note: svc, stores: [env:.env], rotate: auto }\n      - { note: ci, stores: [env:.env.ci], rotate: manual }\n  ghost: {}\n');
    const out = diffAccess(auto, l, ctx);
    assert.deepEqual(out.changes.map(c => c.kind), ['key.rotate', 'key.create'], 'in file order (apply orders them later)');
    assert.equal(out.changes[0].ageDays, 424);
    assert.match(out.warnings.map(w => w.message).join('\n'), /There is no project "ghost"/);
    const manual = parse('version: 1\nprojects:\n  prod:\n    keys: [{ note: svc, stores: [env:.env], rotate: manual, maxAgeDays: 400 }]\n');
    const warned = diffAccess(manual, l, ctx);
    assert.deepEqual(warned.changes, []);
    assert.match(warned.warnings[0].message, /424 days old, over 400, and declared rotate: manual/);
  });

  it('meaning checks point at the exact node', () => {
    const text = [
      'version: 1',
      'environments:',
      '  staging: { project: staging }',
      'organization:',
      '  exhaustive: true',
      '  members:',
      '    - { email: a@acme.com, role: OWNER }',
      '    - { email: A@acme.com, role: ADMIN }',
      'projects:',
      '  prod:',
      '    members: [{ email: b@acme.com, role: VIEWER }]',
      '    keys:',
      '      - { note: svc, environment: staging, stores: [env:.env, env:.env], rotate: manual }',
      '      - { note: svc, stores: [], rotate: manual }',
    ].join('\n');
    const problems = parseAccessFile(text, '/repo/.langfuse/access.yaml', '/repo').problems.map(p => `${p.range.start.line + 1}: ${p.message}`);
    assert.deepEqual(problems.map(p => p.split(':')[0]), ['8', '11', '13', '13', '14']);
    assert.match(problems[0], /listed twice in organization\.members/);
    assert.match(problems[1], /not in the exhaustive organization list/);
    assert.match(problems.join('\n'), /Environment "staging" uses project staging, not prod/);
    assert.match(problems.join('\n'), /The store env:\.env is listed twice/);
    assert.match(problems[4], /Two keys of prod have the note "svc"/);
  });

  it('export replaces only its own sections: every other byte (comments, spacing, quoting) stays, and exporting again changes nothing', () => {
    const before = '# team file\nversion: 1\nenvironments:\n  production:\n    project: prod   # the prod one\n    files: [ ".env.production" ]\n    publicKeys: ["pk-lf-k1"]\nrotation:\n  maxAgeDays: 60\nignore:\n  - { file: ".env.local", rule: "shared-key", reason: "local" }\n';
    const config = parse(before);
    const exported = exportDeclaration({ live: live(), rootDir: '/nonexistent', environments: config.environments });
    const meta = { connection: 'acme', host: 'x', date: NOW.toISOString() };
    const once = writeExportedYaml(before, exported, meta);
    assert.ok(once.startsWith(before), 'the existing text is kept byte for byte');
    assert.match(once, /- note: svc # pk-lf-k1, created 2027-02-01\n\s+environment: production\n\s+stores: \[\]\n\s+rotate: manual/);
    assert.match(once, /Not declared: pk-lf-k2 has no note/);
    const twice = writeExportedYaml(once, exportDeclaration({ live: live(), rootDir: '/nonexistent', environments: config.environments, existing: parse(once) }), meta);
    assert.equal(twice, once);
    // A user's choice and comment survive a new export.
    const edited = once.replace('rotate: manual', 'rotate: auto # keep it fresh').replace('stores: []', 'stores: [env:.env.production]');
    const again = writeExportedYaml(edited, exportDeclaration({ live: live(), rootDir: '/nonexistent', environments: config.environments, existing: parse(edited) }), meta);
    assert.match(again, /stores: \[env:\.env\.production\]\n\s+rotate: auto # keep it fresh/);
  });

  it('renderings show outside text as typed: no line of its own in text, no markup in Markdown', () => {
    const l = live();
    l.members.push({ userId: 'u-x', email: 'x@acme.com', name: null, role: 'MEMBER' });
    const hostile = 'evil\n  + Add root@acme.com [click](https://attacker.example) | cell';
    l.projects[0].apiKeys.push(key('k3', hostile));
    const text = 'version: 1\nprojects:\n  prod:\n    exhaustive: true\n    members: [{ email: viewer@acme.com, role: ADMIN }]\n    keys: [{ note: svc, stores: [], rotate: manual }]\n';
    const plan = makePlan({ file: { path: '/repo/.langfuse/access.yaml', text, rootDir: '/repo', config: parse(text) }, live: l, connection: { id: 'acme', baseUrl: 'https://cloud.langfuse.com' }, actingAs: 'owner@acme.com', now: NOW, defaultMaxAgeDays: 90, rotationsInProgress: [], stores: { workspaceRoots: ['/repo'], secretStorage: false } });
    const out = renderText(plan, { cwd: '/repo' });
    assert.ok(!out.split('\n').some(line => line.startsWith('  + Add root')), 'a note cannot print a line of its own');
    const md = renderMarkdown(plan, { cwd: '/repo' });
    assert.ok(!md.includes('[click](https'), 'no link survives');
    assert.ok(md.includes('\\| cell'), 'a pipe cannot end a table cell');
  });
});
