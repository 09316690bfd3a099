// The JSON schema contributed for editors (media/schemas/access.schema.json) and the zod schema our
// own diagnostics use must accept and refuse the same documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { RULE_CODES } from '../../../src/core/rules/ruleCodes';

const ROOT = path.join(__dirname, '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'media', 'schemas', 'access.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, formats: { email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ } });
const validate = ajv.compile(schema);

const VALID: Record<string, string> = {
  'the sample workspace': fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace-acme', '.langfuse', 'access.yaml'), 'utf8'),
  'the issue\'s example': [
    'version: 1',
    'connection: acme-eu',
    'environments:',
    '  production:',
    '    project: production-chatbot',
    '    files: [".env.production", "deploy/prod/*.env"]',
    '    publicKeys: ["pk-lf-b1000000-0000-4000-8000-000000000001"]',
    '    keyPrefix: "pk-lf-prod-"',
    '    writers: ["engineering-lead@acme.com", "senior-dev@acme.com"]',
    '  staging:',
    '    project: staging-chatbot',
    '    files: [".env.staging", ".env.local", ".env"]',
    'rotation:',
    '  maxAgeDays: 90',
    'ignore:',
    '  - { file: ".env.local", rule: "shared-key", reason: "local sandbox key" }',
  ].join('\n'),
  'minimal': 'version: 1\nenvironments: {}\n',
};

const INVALID: Record<string, string> = {
  'wrong version': 'version: 2\nenvironments: {}\n',
  'missing environments': 'version: 1\n',
  'a host': 'version: 1\nhost: https://x.example\nenvironments: {}\n',
  'a secret key as public key': 'version: 1\nenvironments:\n  p: { project: x, publicKeys: [sk-lf-1] }\n',
  'missing project': 'version: 1\nenvironments:\n  p: { files: [.env] }\n',
  'unknown field in an environment': 'version: 1\nenvironments:\n  p: { project: x, host: y }\n',
  'bare prefix': 'version: 1\nenvironments:\n  p: { project: x, keyPrefix: pk-lf- }\n',
  'not an e-mail': 'version: 1\nenvironments:\n  p: { project: x, writers: [erin] }\n',
  'negative rotation': 'version: 1\nenvironments: {}\nrotation: { maxAgeDays: -1 }\n',
  'fractional rotation': 'version: 1\nenvironments: {}\nrotation: { maxAgeDays: 1.5 }\n',
  'ignore without reason': 'version: 1\nenvironments: {}\nignore: [{ file: .env, rule: shared-key }]\n',
  'ignore of an unknown rule': 'version: 1\nenvironments: {}\nignore: [{ file: .env, rule: nope, reason: r }]\n',
  'bad environment name': 'version: 1\nenvironments:\n  "prod env": { project: x }\n',
  'bad connection id': 'version: 1\nconnection: "Acme EU"\nenvironments: {}\n',
};

describe('access file schema: JSON schema and zod agree', () => {
  for (const [name, yaml] of Object.entries(VALID)) {
    it(`both accept ${name}`, () => {
      assert.equal(validate(parse(yaml)), true, JSON.stringify(validate.errors));
      assert.deepEqual(parseAccessFile(yaml, 'a', '.').problems, []);
    });
  }
  for (const [name, yaml] of Object.entries(INVALID)) {
    it(`both refuse ${name}`, () => {
      assert.equal(validate(parse(yaml)), false, 'JSON schema accepted it');
      assert.ok(parseAccessFile(yaml, 'a', '.').problems.length > 0, 'zod accepted it');
    });
  }

  it('offers exactly the finding codes for ignore.rule', () => {
    assert.deepEqual(schema.properties.ignore.items.properties.rule.enum, RULE_CODES);
  });
});
