// The e2e cases, run in order in one workbench session. Each saves `shot`.
import { openViewContainer, treeRow, waitForStableColours } from './workbench.mjs';

export const cases = [
  {
    name: 'access-tree-connections',
    async run({ page, shot }) {
      const sidebar = await openViewContainer(page, 'Langfuse Access');
      await treeRow(sidebar, 'Local sandbox').waitFor();
      await waitForStableColours(page);
      await page.screenshot({ path: shot });
    },
  },
];
