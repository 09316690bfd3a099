// What the rotation says to people, as plain data both front ends show: the start confirmation per
// mode, why a key is gone (issue 18), what resuming does past the point of no return, and which base
// URLs of a .env file send a key elsewhere.
import { strict as assert } from 'node:assert';
import { parseEnv } from '../../../src/core/env/envParser';
import { baseUrlSettings, foreignBaseUrls } from '../../../src/core/env/sdkBaseUrls';
import type { AuditEntry } from '../../../src/core/audit';
import { RESUME_CHOICES, resumeNotice, rollbackDone } from '../../../src/core/actions';
import { keyHistory, missingKeyMessage, resumeOffer, rotationConfirmation, type RotationJournal } from '../../../src/core/rotation';

const PK = 'pk-lf-c2000000-0000-4000-8000-000000000001';
const NEW = 'pk-lf-9a8b7c6d-0000-4000-8000-00000000beef';

function journal(extra: Partial<RotationJournal> = {}): RotationJournal {
  return {
    v: 1, id: 'rot-20261207-101500-a1b2c3', tool: 'cli', pid: 1, actor: 'engineering-lead@acme.com', mode: 'normal',
    connection: { id: 'acme', baseUrl: 'https://cloud.langfuse.com' }, project: { id: 'p', name: 'staging-chatbot' },
    oldKey: { publicKey: PK, id: 'k1' }, newKey: { publicKey: NEW }, targets: [{ target: 'env:/srv/app/.env' }], scanPaths: [], probeTraces: false,
    status: 'completed', step: 'completed', notes: [],
    history: ['planned', 'creating', 'created', 'pushing', 'pushed', 'verified', 'evidenced', 'revoking', 'revoked', 'rechecked', 'completed'].map((step, i) => ({ step, at: `2026-12-07T10:15:${String(i).padStart(2, '0')}.000Z` })),
    createdAt: '2026-12-07T10:15:00.000Z', updatedAt: '2026-12-07T10:15:10.000Z',
    ...extra,
  };
}

describe('rotation wording', () => {
  it('the start confirmation names the mode once, in plain words (no "COMPROMISED: … mode")', () => {
    const text = rotationConfirmation({ oldPublicKey: PK, project: 'staging-chatbot', mode: 'compromised', targets: ['env:/srv/app/.env'] });
    assert.equal(text, `Rotate ${PK} of staging-chatbot in COMPROMISED mode (the old key is revoked as soon as the new one works, before services have moved) into 1 target(s): env:/srv/app/.env?`);
    assert.doesNotMatch(text, /works mode/);
    assert.match(rotationConfirmation({ oldPublicKey: PK, project: 'p', mode: 'manual', targets: ['a', 'b'] }), /in manual mode \(you create the new key and delete the old one in the Langfuse UI\) into 2 target\(s\): a, b\?$/);
  });

  it('a roll back ends with a confirmation naming the keys and targets, or says what is left (issue 14 item 7)', () => {
    assert.equal(rollbackDone(journal({ status: 'rolledBack', step: 'pushed' })), 'Rolled back the rotation of pk-lf-c200…0001 (staging-chatbot): 1 target(s) hold the old key again and the new key pk-lf-9a8b…beef is deleted.');
    assert.match(rollbackDone(journal({ status: 'rollingBack', step: 'pushed' })), /^The rotation of pk-lf-c200…0001 \(staging-chatbot\) is not fully rolled back yet/);
  });

  it('one start-up notice for every unfinished rotation, with "Later" and "Don\'t Ask"; no abort past the point of no return (issue 20 item 4)', () => {
    assert.equal(resumeNotice([], 'SecretStorage'), undefined);
    const before = resumeNotice([journal({ status: 'active', step: 'pushed' })], 'SecretStorage')!;
    assert.match(before.message, /^Resume rotation of pk-lf-c200…0001 \(project staging-chatbot\) at step 6\/11 .* Its new secret is safe in SecretStorage\.$/);
    assert.deepEqual(before.choices, ['Resume', 'Abort and Roll Back', 'Later', 'Don\'t Ask for This Rotation']);
    assert.deepEqual(resumeNotice([journal({ status: 'active', step: 'revoked' })], 'x')!.choices, [RESUME_CHOICES.resume, RESUME_CHOICES.later, RESUME_CHOICES.dontAsk]);
    const two = resumeNotice([journal({ status: 'active', step: 'pushed' }), journal({ id: 'rot-2', status: 'active', step: 'created', project: { id: 'q', name: 'analytics' } })], 'SecretStorage')!;
    assert.equal(two.message, '2 key rotations are unfinished: pk-lf-c200…0001 (staging-chatbot, at pushed); pk-lf-c200…0001 (analytics, at created). Their new secrets are safe in SecretStorage.');
    assert.deepEqual(two.choices, ['Resume…', 'Later', 'Don\'t Ask for These Rotations']);
  });

  it('a key a rotation here revoked: names the rotation, when, by whom, the replacing key masked, and the next step', () => {
    const h = keyHistory(PK, [journal(), journal({ id: 'rot-20261201-090000-000000', status: 'rolledBack', step: 'verified' })]);
    assert.equal(h.revokedBy?.rotationId, 'rot-20261207-101500-a1b2c3');
    assert.equal(missingKeyMessage(h, 'staging-chatbot'),
      `${PK} is no longer a key of project staging-chatbot: rotation rot-20261207-101500-a1b2c3 revoked it at 2026-12-07T10:15:08.000Z (by engineering-lead@acme.com with the langfuse-access CLI, replaced by pk-lf-9a8b…beef; that rotation is completed). `
      + 'The new key is in env:/srv/app/.env. Use the new key pk-lf-9a8b…beef (rotate that one if it needs rotating), and see "langfuse-access rotate --list" for the rotation\'s report.');
  });

  it('a key revoked elsewhere: "revoked or deleted in Langfuse", with when this machine last saw it', () => {
    const seen = { v: 1, seq: 4, time: '2026-11-30T08:00:00.000Z', actor: { identity: 'dev@acme.com', machine: 'm', tool: 'extension', version: '0.1.0' }, action: 'apiKey.created', resource: { kind: 'apiKey', name: PK }, outcome: 'success', details: {}, prev: '', hash: '' } as AuditEntry;
    const message = missingKeyMessage(keyHistory(PK, [journal({ oldKey: { publicKey: 'pk-lf-other' } })], [seen]), 'staging-chatbot');
    assert.match(message, /is not a key of project staging-chatbot: it was revoked or deleted in Langfuse \(not by a rotation on this machine\)/);
    assert.match(message, /This machine last saw it at 2026-11-30T08:00:00\.000Z \(apiKey\.created by dev@acme\.com with the VS Code extension\)\./);
  });

  it('past the revoke a rotation offers no abort and says what resuming does; before it, abort is offered', () => {
    const past = resumeOffer(journal({ status: 'active', step: 'revoked', mode: 'compromised' }));
    assert.equal(past.canAbort, false);
    assert.equal(past.question, 'Resume rotation of pk-lf-c200…0001 (project staging-chatbot) at step 9/11 (Evidence that the old key is out of use)?');
    assert.equal(past.resumeDoes, 'gather the evidence (references, targets, deploy checklist) without waiting for it, then check that the old pair answers 401 and the new pair works, then wipe the pending secret and write the report');
    assert.match(past.whyNoAbort!, /past the point of no return: the revoke of the old key .* started at 2026-12-07T10:15:08\.000Z, so its targets cannot go back to it/);
    const early = resumeOffer(journal({ status: 'active', step: 'pushed' }));
    assert.equal(early.canAbort, true);
    assert.equal(early.whyNoAbort, undefined);
    assert.equal(resumeOffer(journal({ status: 'active', step: 'revoking', tool: 'extension' })).whyNoAbort?.includes('"Langfuse Access: Resume Key Rotation"'), true);
  });

  it('finds every base-URL variable an SDK may read and the hosts other than the connection\'s', () => {
    const doc = parseEnv('LANGFUSE_BASE_URL=https://cloud.langfuse.com\nLANGFUSE_HOST=https://EU.Collector.example:8443/x\nLANGFUSE_BASEURL=${LF_URL}\nNEXT_PUBLIC_LANGFUSE_BASE_URL=not a url\nLANGFUSE_PUBLIC_KEY=pk-lf-1\n');
    assert.deepEqual(baseUrlSettings(doc).map(s => [s.variable, s.host, s.isUrl]), [
      ['LANGFUSE_BASE_URL', 'cloud.langfuse.com', true], ['LANGFUSE_HOST', 'eu.collector.example:8443', true], ['NEXT_PUBLIC_LANGFUSE_BASE_URL', 'not a url', false],
    ]);
    assert.deepEqual(foreignBaseUrls(doc, 'https://cloud.langfuse.com/').map(s => s.variable), ['LANGFUSE_HOST', 'NEXT_PUBLIC_LANGFUSE_BASE_URL']);
    assert.deepEqual(foreignBaseUrls('LANGFUSE_BASE_URL=http://127.0.0.1:3000/base\n', 'http://127.0.0.1:3000'), [], 'a base path is the same host');
  });
});
