import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectSdks, sdksFromManifests } from '../../../src/core/rules/sdkDetect';

describe('which Langfuse SDK the code uses', () => {
  const cases: Array<[string, Parameters<typeof sdksFromManifests>[0], string[]]> = [
    ['@langfuse/client → JS v4', { packageJson: '{"dependencies":{"@langfuse/client":"^4.2.0"}}' }, ['js-v4']],
    ['langfuse (npm) → JS v3', { packageJson: '{"devDependencies":{"langfuse":"^3.38.0"}}' }, ['js-v3']],
    ['requirements.txt with extras and a pin → Python', { requirements: 'openai==1.0\nlangfuse[openai]>=3.8.1\n' }, ['python']],
    ['pyproject dependency → Python', { pyproject: '[project]\ndependencies = ["langfuse>=3", "httpx"]\n' }, ['python']],
    ['a similarly named package is not the SDK', { requirements: 'langfuse-extras==1\n', packageJson: '{"dependencies":{"langfuse-ui":"1"}}' }, []],
    ['broken package.json says nothing', { packageJson: '{oops' }, []],
  ];
  for (const [name, manifests, expected] of cases) {
    it(name, () => assert.deepEqual(sdksFromManifests(manifests), expected));
  }

  it('reads the nearest folder with a manifest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-sdk-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), '{"dependencies":{"@langfuse/otel":"4.0.0"}}');
      fs.mkdirSync(path.join(dir, 'svc', 'py'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'svc', 'py', 'requirements.txt'), 'langfuse\n');
      assert.deepEqual(detectSdks(path.join(dir, 'svc')), ['js-v4']);
      assert.deepEqual(detectSdks(path.join(dir, 'svc', 'py')), ['python']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
