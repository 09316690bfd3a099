// The SARIF 2.1.0 JSON schema (test/fixtures/sarif, see its README) as an ajv validator, for every
// test that checks a SARIF log this tool writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

const ROOT = path.join(__dirname, '..', '..');

export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0-rtm.5.json'), 'utf8'));
  // Draft-04 → ajv 8, in memory: the identifier keyword only; every constraint stays as written.
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // The schema's `language` pattern has a stray "]" that only non-unicode regular expressions accept.
    unicodeRegExp: false,
    formats: {
      uri: (s: string) => { try { new URL(s); return true; } catch { return false; } },
      'uri-reference': (s: string) => { try { new URL(s, 'file:///base/'); return !/\s/.test(s); } catch { return false; } },
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
    },
  });
  return ajv.compile(schema);
}
