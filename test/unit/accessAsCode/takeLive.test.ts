// "Take the live value into the file" (the editor's quick fix): each kind of drift disappears from the
// next plan after the edit, and every other line of the file stays as it was.
import { strict as assert } from 'node:assert';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import type { LiveOrganization } from '../../../src/core/accessAsCode/liveState';
import { makePlan } from '../../../src/core/accessAsCode/makePlan';
import { applyTextEdit, takeLiveValue } from '../../../src/core/accessAsCode/takeLive';

const NOW = new Date('2027-03-01T00:00:00Z');
const member = (id: string, role: string) => ({ userId: `u-${id}`, email: `${id}@acme.com`, name: id, role: role as never });
const key = (id: string, note: string) => ({ id, note, publicKey: `pk-lf-${id}`, displaySecretKey: 'sk-lf-...0000', createdAt: '2027-02-01T00:00:00.000Z', expiresAt: null, lastUsedAt: null });
const LIVE: LiveOrganization = {
  members: [member('owner', 'OWNER'), member('dev', 'MEMBER'), member('viewer', 'VIEWER'), member('extra', 'ADMIN'), member('gone', 'VIEWER')],
  projectNames: [{ id: 'p1', name: 'prod' }],
  projects: [{ id: 'p1', name: 'prod', overrides: [member('viewer', 'ADMIN'), member('extra', 'VIEWER')], apiKeys: [key('k1', 'svc'), key('k2', 'stray')] }],
  organizationApiKeys: [],
  readAt: NOW.toISOString(),
};

function plan(text: string) {
  const loaded = parseAccessFile(text, '/repo/.langfuse/access.yaml', '/repo');
  assert.deepEqual(loaded.problems, [], text);
  return makePlan({
    file: { path: '/repo/.langfuse/access.yaml', text, rootDir: '/repo', config: loaded.config! }, live: LIVE,
    connection: { id: 'acme', baseUrl: 'https://langfuse.example' }, actingAs: 'owner@acme.com', now: NOW, defaultMaxAgeDays: 90,
    rotationsInProgress: [], stores: { workspaceRoots: ['/repo'], secretStorage: false },
  });
}

const FILE = `version: 1
connection: acme   # mine
organization:
  exhaustive: true
  members:
    - {email: owner@acme.com, role: OWNER} # Owner
    - {email: dev@acme.com, role: ADMIN} # declared higher than live
    - {email: viewer@acme.com, role: VIEWER}
    - {email: new@acme.com, role: VIEWER}
    - {email: extra@acme.com, role: ADMIN}
projects:
  prod:
    exhaustive: true
    members:
      - {email: viewer@acme.com, role: MEMBER}
      - {email: dev@acme.com, role: NONE}
    keys:
      - note: svc
        stores: []
        rotate: manual
      - note: missing
        stores: [env:.env.prod]
        rotate: manual
`;

describe('access as code: take the live value into the file', () => {
  it('every kind of drift is gone after its edit, and nothing else changed', () => {
    const first = plan(FILE);
    const kinds = first.changes.map(c => `${c.kind} ${c.id}`).sort();
    assert.deepEqual(kinds, [
      'key.create project/prod/key/missing', 'key.revoke project/prod/keyId/k2', 'member.add org/member/new@acme.com',
      'member.remove org/member/gone@acme.com', 'member.role org/member/dev@acme.com', 'projectRole.clear project/prod/member/extra@acme.com',
      'projectRole.set project/prod/member/dev@acme.com', 'projectRole.set project/prod/member/viewer@acme.com',
    ]);
    for (const change of first.changes) {
      const edit = takeLiveValue(FILE, change);
      assert.ok(edit, `an edit for ${change.kind}`);
      const after = applyTextEdit(FILE, edit);
      const next = plan(after);
      assert.ok(!next.changes.some(c => c.id === change.id && c.kind === change.kind), `${change.kind} ${change.id} is gone:\n${after}`);
      assert.equal(next.changes.length, first.changes.length - 1, `only that drift went (${change.kind}):\n${after}`);
      assert.match(after, /^connection: acme {3}# mine$/m, 'comments stay');
    }
  });

  it('the edits are the small ones a reviewer expects', () => {
    const byId = (kind: string, id: string) => plan(FILE).changes.find(c => c.kind === kind && c.id === id)!;
    const role = applyTextEdit(FILE, takeLiveValue(FILE, byId('member.role', 'org/member/dev@acme.com'))!);
    assert.match(role, /- \{email: dev@acme\.com, role: MEMBER\} # declared higher than live/);
    const add = applyTextEdit(FILE, takeLiveValue(FILE, byId('member.add', 'org/member/new@acme.com'))!);
    assert.ok(!add.includes('new@acme.com'));
    const remove = applyTextEdit(FILE, takeLiveValue(FILE, byId('member.remove', 'org/member/gone@acme.com'))!);
    assert.match(remove, / {4}- \{email: new@acme\.com, role: VIEWER\}\n {4}- \{email: extra@acme\.com, role: ADMIN\}\n {4}- \{email: gone@acme\.com, role: VIEWER\}\nprojects:/);
    const revoke = applyTextEdit(FILE, takeLiveValue(FILE, byId('key.revoke', 'project/prod/keyId/k2'))!);
    assert.match(revoke, /rotate: manual\n {6}- \{note: stray, stores: \[\], rotate: manual\}\n$/);
  });

  it('a rotation is not drift of the file: no edit is offered', () => {
    const change = { ...plan(FILE).changes[0], kind: 'key.rotate' as const };
    assert.equal(takeLiveValue(FILE, change), undefined);
  });
});
