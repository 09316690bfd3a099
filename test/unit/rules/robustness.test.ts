// Whatever a user types, the rules answer without throwing, inside the document, and offline.
import * as assert from 'node:assert/strict';
import * as diagnostics from 'node:diagnostics_channel';
import fc from 'fast-check';
import { parseEnv } from '../../../src/core/env/envParser';
import { keyIndexFromEntries } from '../../../src/core/rules/keyIndex';
import { check, DEMO, indexEntry } from './helpers';

const piece = fc.oneof(
  fc.constantFrom('LANGFUSE_PUBLIC_KEY', 'LANGFUSE_SECRET_KEY', 'LANGFUSE_HOST', 'NEXT_PUBLIC_LANGFUSE_PUBLIC_KEY', 'export ', '=', ' ', '\t', '#', '"', "'", '`', '\\', '\n', '\r\n', '\r', ':', '\uFEFF', 'é', '😀'),
  fc.constantFrom(DEMO.production.pk, DEMO.staging.sk, 'sk-lf-...0001', 'https://cloud.langfuse.com', 'http://10.0.0.1', '${X}'),
  fc.string({ maxLength: 6 }),
);
const document = fc.array(piece, { maxLength: 40 }).map(parts => parts.join(''));

function lineLengths(text: string): number[] {
  return text.split(/\r?\n/).map(l => l.length);
}

describe('robustness on arbitrary text', () => {
  it('parser: every key range covers exactly its key, every range lies inside the document', () => {
    fc.assert(fc.property(document, text => {
      const doc = parseEnv(text);
      const lengths = lineLengths(text);
      const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
        r.start.line <= r.end.line && r.end.line < lengths.length && r.start.character <= lengths[r.start.line] && r.end.character <= lengths[r.end.line];
      for (const e of doc.entries) {
        assert.ok(inside(e.keyRange) && inside(e.valueRange) && inside(e.quotedRange), JSON.stringify(text));
        const line = text.split(/\r?\n/)[e.keyRange.start.line];
        assert.equal(line.slice(e.keyRange.start.character, e.keyRange.end.character), e.key);
      }
      for (const p of doc.problems) assert.ok(inside(p.range));
    }), { numRuns: 500 });
  });

  it('rules: never throw, keep findings inside the document and never echo a secret', () => {
    const keyIndex = keyIndexFromEntries({ [DEMO.production.pk]: indexEntry('production') }, true);
    fc.assert(fc.property(document, text => {
      const lengths = lineLengths(text);
      for (const f of check('.env.staging', text, { keyIndex, sdks: ['js-v4'], connectionBaseUrl: 'https://cloud.langfuse.com', git: { relativePath: '.env.staging', tracked: true, ignored: false }, gitignorePath: '/w/.gitignore' }).findings) {
        assert.ok(f.range.end.line < lengths.length, JSON.stringify(text));
        assert.doesNotMatch(JSON.stringify(f), /sk-lf-demo-/);
      }
    }), { numRuns: 300 });
  });

  it('checking a file opens no socket and starts no HTTP request', () => {
    let events = 0;
    const count = () => { events++; };
    const channels = ['net.client.socket', 'http.client.request.start', 'undici:request:create'];
    for (const c of channels) diagnostics.subscribe(c, count);
    try {
      for (let i = 0; i < 20; i++) check('.env.staging', `LANGFUSE_PUBLIC_KEY=${DEMO.production.pk}\nLANGFUSE_SECRET_KEY=${DEMO.production.sk}\nLANGFUSE_BASE_URL=https://us.cloud.langfuse.com\n`, { connectionBaseUrl: 'https://cloud.langfuse.com' });
    } finally {
      for (const c of channels) diagnostics.unsubscribe(c, count);
    }
    assert.equal(events, 0);
  });
});
