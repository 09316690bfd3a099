// Issue 20 item 6: a translator adds a language without touching code. The committed bundle holds
// every string the sources pass to l10n.t (regenerated here with @vscode/l10n-dev and compared), and
// a pseudo-localised bundle (every message in brackets) loaded the CLI's way reaches core's words.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setUpCliL10n } from '../../../src/cli/l10n';
import { installTranslator } from '../../../src/core/l10n/l10n';
import { nodeView } from '../../../src/core/org/nodeView';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(ROOT, 'media', 'l10n', 'bundle.l10n.json');

describe('l10n: the bundle and a pseudo-localised language', function () {
  this.timeout(60_000);
  let dir: string;
  after(() => { installTranslator(undefined); if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('media/l10n/bundle.l10n.json holds exactly the strings of every l10n.t call (npm run l10n)', async () => {
    const { bundleFromSources } = await import(path.join(ROOT, 'test', 'scripts', 'l10n-bundle.mjs')) as { bundleFromSources(): Promise<Record<string, string>> };
    const fromSources = await bundleFromSources();
    const committed = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(fromSources).length > 100, 'the extension and core strings are wrapped');
    assert.deepEqual(Object.keys(fromSources).filter(k => !(k in committed)), [], 'every l10n.t string is in the bundle');
    assert.deepEqual(Object.keys(committed).filter(k => !(k in fromSources)), [], 'no stale string');
  });

  it('a pseudo-localised bundle loaded for LANGFUSE_ACCESS_LOCALE translates core\'s tree rows, placeholders kept', () => {
    const english = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-'));
    fs.writeFileSync(path.join(dir, 'bundle.l10n.qps-ploc.json'), JSON.stringify(Object.fromEntries(Object.keys(english).map(k => [k, `[${k}]`]))));
    assert.equal(setUpCliL10n({ LANG: 'en_US.UTF-8' }, [dir]), undefined, 'English needs no bundle');
    assert.equal(setUpCliL10n({ LANGFUSE_ACCESS_LOCALE: 'qps-ploc' }, [dir]), path.join(dir, 'bundle.l10n.qps-ploc.json'));
    const policy = { maxAgeDays: 90 } as Parameters<typeof nodeView>[1]['policy'];
    const org = nodeView({ kind: 'organization', connectionId: 'c', projectCount: 3 } as Parameters<typeof nodeView>[0], { policy });
    assert.equal(org.label, '[Organization]');
    assert.equal(org.description, '[3 projects]');
    assert.equal(nodeView({ kind: 'orgMembers', connectionId: 'c' } as Parameters<typeof nodeView>[0], { policy }).label, '[Members]');
  });
});
