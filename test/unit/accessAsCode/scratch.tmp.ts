import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../../src/sandbox';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import { readLiveOrganization } from '../../../src/core/accessAsCode/liveState';
import { exportDeclaration } from '../../../src/core/accessAsCode/exportDeclaration';
import { writeExportedYaml } from '../../../src/core/accessAsCode/exportYaml';
import { parseAccessFile } from '../../../src/core/access/accessFile';
import { makePlan } from '../../../src/core/accessAsCode/makePlan';
import { renderText } from '../../../src/core/accessAsCode/render/text';
import { renderMarkdown } from '../../../src/core/accessAsCode/render/markdown';

(async () => {
  const sb = await startSandbox({ world: 'acme' });
  const client = createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aac-'));
  fs.mkdirSync(path.join(dir, '.langfuse'));
  const file = path.join(dir, '.langfuse', 'access.yaml');
  const orig = fs.readFileSync('test/fixtures/workspace-acme/.langfuse/access.yaml', 'utf8');
  fs.copyFileSync('test/fixtures/workspace-acme/.env.production', path.join(dir, '.env.production'));
  const live = await readLiveOrganization(client);
  const exported = exportDeclaration({ live, rootDir: dir, environments: parseAccessFile(orig, file).config!.environments });
  const text = writeExportedYaml(orig, exported, { connection: 'local-sandbox', host: '127.0.0.1', date: new Date().toISOString(), actor: 'erin' });
  console.log(text);
  let edited = text.replace('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: MEMBER}')
    .replace('exhaustive: false\n    members:\n      - {email: engineering-lead', 'exhaustive: true\n    members:\n      - {email: engineering-lead');
  edited = edited.replace('  - {email: senior-dev@acme.com, role: MEMBER}', '  - {email: senior-dev@acme.com, role: MEMBER}\n    - {email: newbie@acme.com, role: VIEWER}');
  fs.writeFileSync(file, edited);
  const loaded = parseAccessFile(edited, file);
  console.log(loaded.problems);
  const plan = makePlan({ file: { path: file, text: edited, rootDir: dir, config: loaded.config! }, live, connection: { id: 'local-sandbox', baseUrl: sb.url }, actingAs: 'engineering-lead@acme.com', now: new Date(), defaultMaxAgeDays: 90, rotationsInProgress: [], stores: { workspaceRoots: [dir], secretStorage: false } });
  console.log(renderText(plan, { cwd: dir }));
  console.log(renderMarkdown(plan, { cwd: dir }));
  await sb.close(); await closeAllHostGates();
})();
