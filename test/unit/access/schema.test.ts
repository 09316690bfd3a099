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
  'access only, no environments (a file written by export)': 'version: 1\n',
  'access as code': [
    'version: 1',
    'connection: acme-eu',
    'organization:',
    '  exhaustive: true',
    '  members:',
    '    - { email: erin@acme.com, role: OWNER }',
    '    - { email: dora@acme.com, role: NONE }',
    'projects:',
    '  production-chatbot:',
    '    exhaustive: false',
    '    members: [{ email: dora@acme.com, role: NONE }]',
    '    keys:',
    '      - note: chatbot-production',
    '        stores: [env:.env.production, aws-sm:acme/prod/langfuse, pass:acme/prod, vault:secret/acme/prod, secretstorage]',
    '        maxAgeDays: 60',
    '        rotate: auto',
    '  staging-chatbot:',
    '    keys: [{ note: ci, stores: [], rotate: manual }]',
  ].join('\n'),
};

const INVALID: Record<string, string> = {
  'wrong version': 'version: 2\nenvironments: {}\n',
  'a lower-case role': 'version: 1\norganization: { members: [{ email: a@b.co, role: admin }] }\n',
  'a member without role': 'version: 1\norganization: { members: [{ email: a@b.co }] }\n',
  'a member that is not an e-mail': 'version: 1\norganization: { members: [{ email: erin, role: ADMIN }] }\n',
  'exhaustive that is not a boolean': 'version: 1\norganization: { exhaustive: "yes" }\n',
  'an unknown field in a project': 'version: 1\nprojects: { p: { owners: [] } }\n',
  'a key without rotate': 'version: 1\nprojects: { p: { keys: [{ note: n, stores: [] }] } }\n',
  'a key with an unknown rotate': 'version: 1\nprojects: { p: { keys: [{ note: n, stores: [], rotate: weekly }] } }\n',
  'a key with an unknown store kind': 'version: 1\nprojects: { p: { keys: [{ note: n, stores: ["s3:bucket"], rotate: manual }] } }\n',
  'a key with an empty note': 'version: 1\nprojects: { p: { keys: [{ note: "", stores: [], rotate: manual }] } }\n',
  'a key with a host': 'version: 1\nprojects: { p: { keys: [{ note: n, stores: [], rotate: manual, host: x }] } }\n',
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
