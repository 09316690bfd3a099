// Issue 20 item 5: Add Connection numbers its steps as the user walks them — a listed region skips the
// URL step, so the next step is 2/4, not 3/5.
import * as assert from 'node:assert/strict';
import { connectionSteps, type ConnectionState } from '../../../src/core/connections/connectionSteps';
import type { PickOptions, StepDriver, StepItem, TextOptions } from '../../../src/core/flow/driver';
import { runFlow } from '../../../src/core/flow/steps';

function walk(region: string): Promise<string[]> {
  const shown: string[] = [];
  const answers: Record<string, string> = { url: 'https://langfuse.example.com', name: 'acme', public: 'pk-lf-b1000000-0000-4000-8000-000000000001', secret: 'sk-lf-connection-steps-test-secret' };
  const driver: StepDriver = {
    pick: async <T extends StepItem>(o: PickOptions<T>) => { shown.push(`${o.step}/${o.totalSteps}`); return o.items.find(i => i.label.startsWith(region))!; },
    pickMany: async () => [],
    text: async (o: TextOptions) => {
      shown.push(`${o.step}/${o.totalSteps}`);
      return /base URL/.test(o.prompt) ? answers.url : /name/.test(o.prompt) ? answers.name : /Public key/.test(o.prompt) ? answers.public : answers.secret;
    },
  };
  return runFlow(connectionSteps([{ label: 'Langfuse Cloud (EU)', baseUrl: 'https://cloud.langfuse.com' }], () => []), {} as ConnectionState, driver).then(() => shown);
}

describe('Add Connection steps', () => {
  it('a listed region: 1/4 to 4/4, no gap', async () => {
    assert.deepEqual(await walk('Langfuse Cloud'), ['1/4', '2/4', '3/4', '4/4']);
  });
  it('a self-hosted URL: the URL step is counted, 2/5 to 5/5', async () => {
    const shown = await walk('Self-hosted');
    assert.deepEqual(shown.slice(1), ['2/5', '3/5', '4/5', '5/5']);
  });
});
