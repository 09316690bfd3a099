// Issue 14 item 5: the quick fixes at one place, the non-destructive one first and alone preferred.
import * as assert from 'node:assert/strict';
import { offeredFixes } from '../../../src/core/rules/fixOrder';
import { keyIndexFromEntries } from '../../../src/core/rules/keyIndex';
import { DEMO, check, indexEntry } from './helpers';

describe('quick-fix order', () => {
  it('on the production key in .env.staging: "Use a key of project staging-chatbot" first and preferred, "Rotate" once, "Ignore" last', () => {
    const keyIndex = keyIndexFromEntries({ [DEMO.production.pk]: indexEntry('production') }, true);
    const result = check('.env.staging', `LANGFUSE_PUBLIC_KEY=${DEMO.production.pk}\nLANGFUSE_SECRET_KEY=${DEMO.production.sk}\n`, { keyIndex });
    assert.deepEqual(result.findings.filter(f => f.range.start.line === 0).map(f => f.code).sort(), ['rotation-overdue', 'wrong-project']);
    const onKey = result.findings.filter(f => f.range.start.line === 0);
    // The overdue finding and a shared-key one (as the workspace check adds it) both offer a rotation.
    const shared = { ...onKey[0], code: 'shared-key' as const, severity: 'warning' as const, fixes: [{ kind: 'openRotationWizard' as const, title: 'Rotate this key…', publicKey: DEMO.production.pk }] };
    const offered = offeredFixes([shared, ...onKey]);
    const titles = offered.map(o => `${o.fix.title}${o.preferred ? ' *' : ''}`);
    assert.equal(titles[0], 'Use a key of project staging-chatbot *');
    assert.equal(titles.filter(t => t.endsWith('*')).length, 1);
    assert.equal(titles.filter(t => t.startsWith('Rotate')).length, 1);
    assert.equal(offered.find(o => o.fix.kind === 'openRotationWizard')!.findings.length, 2, 'one action answers both findings');
    assert.ok(offered.at(-1)!.fix.kind === 'ignoreFinding');
  });

  it('never prefers a rotation, even when it is the only fix', () => {
    const offered = offeredFixes([{ file: 'f', code: 'rotation-overdue', severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [{ kind: 'openRotationWizard', title: 'Rotate this key…', publicKey: 'pk-lf-x' }] }]);
    assert.deepEqual(offered.map(o => o.preferred), [false]);
  });
});
