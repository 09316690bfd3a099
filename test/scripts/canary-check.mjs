// After an integration or e2e run: scans what the run left behind — the state folder (audit log,
// journals, locks), code-server's user data (output-channel log files, settings.json, globalState in
// state.vscdb) — for the suite's canary secrets. Allowed holders are not scanned: SecretStorage (the
// browser profile), sink targets (the workspace's .env files) and the sandbox's credentials file.
import path from 'node:path';
import { formatReport, scanPaths } from '../reliability/canaryScan.mjs';

export function canaryCheck(label, { stateDir, userDataDir, credentialsFile }) {
  const paths = [stateDir, userDataDir].filter(Boolean);
  const result = scanPaths(paths, { credentialsFiles: credentialsFile ? [credentialsFile] : [] });
  const lines = formatReport(result).split('\n');
  for (const line of lines.filter(l => !l.startsWith('(allowed holder)') && !l.startsWith('(not fully scanned)'))) console.log(`  ${label} ${line}`);
  const unread = result.unreadable.filter(u => !/\.png$/i.test(u.file));
  if (unread.length) console.log(`  ${label} canary scan could not read ${unread.length} file(s): ${unread.slice(0, 3).map(u => path.basename(u.file)).join(', ')}`);
  console.log(`  ${label} canary occurrences outside allowed holders: ${result.occurrences.length} (${result.filesScanned} files scanned)`);
  return result.occurrences.length === 0;
}
