import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordIgnoreEntry } from '../../../src/core/access/recordIgnoreEntry';
import { UnsafeWriteError } from '../../../src/core/fs/scopedWrite';

describe('recording an ignored finding in the access file', () => {
  let home: string;
  beforeEach(() => { home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-ignore-'))); });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const entry = { file: '.env.local', rule: 'rotation-overdue' as const, reason: 'local sandbox key' };

  it('records the entry in a regular access file', async () => {
    const file = path.join(home, 'repo', '.langfuse', 'access.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'version: 1\nconnection: acme\nenvironments: {}\n');
    await recordIgnoreEntry(file, entry, { stateDir: path.join(home, 'state'), tool: 'test' });
    assert.match(fs.readFileSync(file, 'utf8'), /ignore:\n {2}- \{file: \.env\.local, rule: rotation-overdue, reason: local sandbox key\}/);
  });

  it('refuses an access file that is a symbolic link (a cloned repo pointing it at a file of yours); that file is unchanged', async () => {
    const target = path.join(home, 'notes.yaml');
    fs.writeFileSync(target, 'version: 1\nconnection: acme\nenvironments: {}\n');
    const file = path.join(home, 'repo', '.langfuse', 'access.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(target, file);
    await assert.rejects(recordIgnoreEntry(file, entry, { stateDir: path.join(home, 'state'), tool: 'test' }), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'symlink');
    assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /ignore/);
  });
});
