// The .vsix a Marketplace user installs (issue 20 item 8): `vsce ls` on the staged copy that
// `npm run package` packs lists the extension's bundles and media, never the CLI (dist/cli.js), source
// maps or screenshots; the packaged README's images and links are absolute, so the Marketplace page
// renders them.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Packaging { stageVsix(exclude?: string[]): string; vsce(stage: string, args: string[], options?: object): Buffer; readmeBaseUrls(): { content: string; images: string } }

// yauzl is the zip reader vsce itself uses (a dependency of @vscode/vsce); typed here as far as used.
interface ZipEntry { fileName: string }
interface ZipFile {
  on(event: 'entry', cb: (entry: ZipEntry) => void): void;
  on(event: 'end', cb: () => void): void;
  readEntry(): void;
  close(): void;
  openReadStream(entry: ZipEntry, cb: (err: Error | null, stream?: NodeJS.ReadableStream) => void): void;
}
const yauzl = require('yauzl') as { open(file: string, options: { lazyEntries: boolean }, cb: (err: Error | null, zip?: ZipFile) => void): void };

function readZipEntry(zip: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      file.on('entry', entry => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { file.close(); resolve(Buffer.concat(chunks).toString('utf8')); });
        });
      });
      file.on('end', () => reject(new Error(`${name} is not in ${zip}`)));
      file.readEntry();
    });
  });
}

describe('the .vsix (vsce ls, vsce package)', function () {
  this.timeout(120_000);
  let packaging: Packaging;
  let stage: string;
  before(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'chunks', 'core.js'))) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'ignore' });
    packaging = await import(path.join(ROOT, 'test', 'scripts', 'package-vsix.mjs')) as Packaging;
    stage = packaging.stageVsix();
  });
  after(() => fs.rmSync(stage, { recursive: true, force: true }));

  it('lists the extension\'s bundles, media and manifest, and no cli.js, source map or screenshot', () => {
    const files = String(packaging.vsce(stage, ['ls'])).split('\n').filter(Boolean);
    assert.deepEqual(files.filter(f => /(^|\/)cli\.js$/.test(f)), [], 'vsce ls lists no cli.js');
    assert.deepEqual(files.filter(f => f.endsWith('.map') || f.startsWith('media/screenshots/') || f.startsWith('src/') || f.startsWith('test/')), []);
    for (const needed of ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/chunks/core.js', 'media/langfuse-access.png', 'media/langfuse-access.svg']) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
  });

  it('rewrites the README\'s relative images and links to the repository', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-vsix-test-')), 'x.vsix');
    packaging.vsce(stage, ['package', '--out', out], { stdio: 'ignore' });
    const readme = await readZipEntry(out, 'extension/readme.md');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(m => m[1]);
    assert.ok(targets.length > 5, 'the README has links and images');
    const base = packaging.readmeBaseUrls();
    assert.deepEqual(targets.filter(t => !/^(https:\/\/|mailto:|#)/.test(t)), [], 'every link is absolute or an anchor');
    assert.ok(targets.some(t => t.startsWith(`${base.images}media/screenshots/`)), 'screenshots load from the repository');
    assert.ok(targets.some(t => t.startsWith(base.content)), 'file links open in the repository');
    const manifest = JSON.parse(await readZipEntry(out, 'extension/package.json'));
    assert.equal(manifest.icon, 'media/langfuse-access.png');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
