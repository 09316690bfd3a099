// `npm test`'s pre-flight (test/scripts/preflight.mjs) on simulated machines: a PATH of stub commands
// decides what is "installed", a stub apt-get records what it is asked (and "installs" stubs), and the
// non-root case really runs as `nobody` when the suite runs as root. No real package is touched.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/preflight.mjs');
const isRoot = process.getuid?.() === 0;
const EVERYTHING = ['pass', 'gpg', 'gpg-agent', 'rg', 'chromium', 'python3'];

describe('npm test pre-flight: system packages', () => {
  let tmp: string;
  let bin: string;

  /** A world-readable machine: the script, a bin folder of stubs, a code-server stamp. */
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-preflight-'));
    fs.chmodSync(tmp, 0o755);
    bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin, { mode: 0o777 });
    fs.chmodSync(bin, 0o777);
    fs.copyFileSync(SCRIPT, path.join(tmp, 'preflight.mjs'));
    fs.mkdirSync(path.join(tmp, 'host', 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'host', 'node_modules', '.vscode-host-ok'), '');
    fs.writeFileSync(path.join(tmp, 'apt.log'), '', { mode: 0o666 });
    fs.chmodSync(path.join(tmp, 'apt.log'), 0o666);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const stub = (name: string, body = 'exit 0') => {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  };
  /** apt-get that logs its arguments; `install` creates the commands of pass and gnupg, or fails. */
  const fakeApt = (fails = false) => stub('apt-get', [
    `echo "$*" >> ${path.join(tmp, 'apt.log')}`,
    fails ? 'case "$*" in *install*) echo "E: Unable to locate package pass" >&2; exit 100;; esac' : '',
    'case "$*" in *install*) for p in "$@"; do case "$p" in',
    `  pass) printf '#!/bin/sh\\n' > ${bin}/pass; /bin/chmod 755 ${bin}/pass;;`,
    `  gnupg) for c in gpg gpg-agent; do printf '#!/bin/sh\\n' > ${bin}/$c; /bin/chmod 755 ${bin}/$c; done;;`,
    'esac; done;; esac',
  ].join('\n'));
  const aptCalls = () => fs.readFileSync(path.join(tmp, 'apt.log'), 'utf8').split('\n').filter(Boolean);

  function preflight(opts: { asNobody?: boolean } = {}) {
    const env = {
      PATH: bin, HOME: tmp, CODE_SERVER_DIR: path.join(tmp, 'host'),
      CHROMIUM_PATH: path.join(bin, 'chromium'),
    };
    const uid = opts.asNobody && isRoot ? 65534 : undefined;
    const r = spawnSync(process.execPath, [path.join(tmp, 'preflight.mjs')], { cwd: tmp, env, uid, gid: uid, encoding: 'utf8' });
    return { status: r.status, lines: r.stderr.split('\n').filter(Boolean), stdout: r.stdout };
  }

  it('says nothing and lets the run start when everything is there', () => {
    for (const c of [...EVERYTHING, 'apt-get']) stub(c);
    const r = preflight();
    assert.deepEqual([r.status, r.lines, r.stdout], [0, [], '']);
  });

  it('not root: stops before the first layer with one line saying what to install and how, and installs nothing', () => {
    for (const c of EVERYTHING.filter(c => c !== 'pass' && c !== 'gpg')) stub(c);
    fakeApt();
    const r = preflight({ asNobody: true });
    assert.equal(r.status, 1);
    assert.deepEqual(r.lines, ['npm test cannot start: install `sudo apt-get install -y --no-install-recommends pass gnupg`, then run npm test again.']);
    assert.deepEqual(aptCalls(), []);
  });

  it('without apt-get: names the Debian packages, Chromium included', () => {
    stub('python3');
    const r = preflight();
    assert.equal(r.status, 1);
    assert.deepEqual(r.lines, ['npm test cannot start: install the Debian packages pass, gnupg, chromium, ripgrep (or your system\'s equivalents), then run npm test again.']);
  });

  it('moto missing (it comes from the image\'s Python): one line with the pip command, and no apt-get even as root', () => {
    for (const c of EVERYTHING.filter(c => c !== 'pass')) stub(c);
    stub('python3', 'exit 1'); // `import moto, flask` fails
    fakeApt();
    const r = preflight();
    assert.equal(r.status, 1);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0], /^npm test cannot start: install `(sudo )?apt-get install -y --no-install-recommends pass` and `pip install "moto\[server\]"` into the python3 on your PATH/);
    assert.deepEqual(aptCalls(), []);
  });

  it('the first run on a fresh code-server host also needs the build tools', () => {
    for (const c of EVERYTHING) stub(c);
    fs.rmSync(path.join(tmp, 'host'), { recursive: true });
    const r = preflight();
    assert.equal(r.status, 1);
    assert.match(r.lines[0], /pkg-config, make, g\+\+/);
  });

  it('as root with apt-get: installs what is missing, then lets the run start', function () {
    if (!isRoot) this.skip();
    for (const c of EVERYTHING.filter(c => c !== 'pass' && c !== 'gpg')) stub(c);
    fakeApt();
    const r = preflight();
    assert.equal(r.status, 0, r.lines.join('\n'));
    assert.deepEqual(r.lines, ['npm test: installing pass gnupg (apt-get, once)']);
    assert.deepEqual(aptCalls(), ['-o DPkg::Lock::Timeout=300 update -qq', '-o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends pass gnupg']);
  });

  it('as root when apt-get fails: one line with apt-get\'s reason and the command to run', function () {
    if (!isRoot) this.skip();
    for (const c of EVERYTHING.filter(c => c !== 'pass')) stub(c);
    fakeApt(true);
    const r = preflight();
    assert.equal(r.status, 1);
    assert.deepEqual(r.lines.slice(1), ['npm test: apt-get could not install pass (E: Unable to locate package pass); install them yourself (apt-get install -y --no-install-recommends pass), then run npm test again.']);
  });
});
