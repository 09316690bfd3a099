// When keys found in workspace files may be sent online, and the reason when not: the same words for
// the editor's command, verify-on-save and any later front end.
import * as assert from 'node:assert/strict';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { onlineCheckRefusal, type OnlineCheckInput } from '../../../src/core/rules/onlineCheckPolicy';

const FILE = '/w/.langfuse/access.yaml';
const load = (yaml: string) => parseAccessFile(yaml, FILE, '/w');
const VALID = 'version: 1\nconnection: acme-eu\nenvironments:\n  staging:\n    project: staging-chatbot\n';
const base: OnlineCheckInput = {
  workspaceTrusted: true, access: load(VALID), allowedHosts: [],
  connections: [{ id: 'acme-eu', name: 'Acme EU', baseUrl: 'https://cloud.langfuse.com' }, { id: 'sandbox', name: 'Sandbox', baseUrl: 'http://127.0.0.1:3000' }],
};

describe('online check policy', () => {
  it('allows a trusted workspace whose valid access file names one of the user\'s connections', () => {
    assert.equal(onlineCheckRefusal(base), undefined);
    assert.equal(onlineCheckRefusal({ ...base, allowedHosts: ['CLOUD.langfuse.com'] }), undefined);
  });

  it('refuses with the reason that really applies (never "Name a connection" when the file names one)', () => {
    assert.match(onlineCheckRefusal({ ...base, workspaceTrusted: false })!, /^This workspace is in Restricted Mode: keys found in its files are never sent anywhere/);
    assert.match(onlineCheckRefusal({ ...base, access: undefined })!, /^No \.langfuse\/access\.yaml covers this file/);
    const invalid = onlineCheckRefusal({ ...base, access: load('version: 1\nconnection: acme-eu\nenvironments:\n  staging:\n    files: [".env"]\n') })!;
    assert.match(invalid, /^The access file \/w\/\.langfuse\/access\.yaml is not valid \(line \d+: .*\), so it cannot say which of your connections to ask\./);
    assert.doesNotMatch(invalid, /Name a connection/);
    const unknown = onlineCheckRefusal({ ...base, access: load(VALID.replace('acme-eu', 'acme-us')) })!;
    assert.equal(unknown, 'The access file names the connection "acme-us", which is not one of your connections (user settings: "acme-eu", "sandbox"). Add a connection with that id, or name one of yours in /w/.langfuse/access.yaml.');
    assert.match(onlineCheckRefusal({ ...base, access: load(VALID.replace('connection: acme-eu\n', '')) })!, /names no connection\. Add "connection: <id>" with one of your connections \("acme-eu", "sandbox"\)/);
    assert.equal(onlineCheckRefusal({ ...base, allowedHosts: ['langfuse.acme.internal'] }), 'cloud.langfuse.com is not in langfuseAccess.allowedHosts, so keys from workspace files are not sent to it.');
  });
});
