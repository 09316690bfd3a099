import * as fs from 'node:fs';
import { l10n } from '../../l10n/l10n';
import * as path from 'node:path';
import { parse as parseYaml } from '../../yaml';
import { AuditForwardingConfig, FORWARDING_CONFIG_FILE } from './forwardConfig';

/** Reads the CLI's forwarding configuration (`audit-forwarding.yaml` in the config folder); throws a message naming the file. */
export function loadForwardingConfig(configDir: string): AuditForwardingConfig {
  const file = path.join(configDir, FORWARDING_CONFIG_FILE);
  if (!fs.existsSync(file)) throw new Error(l10n.t('no forwarding configured: create {0} with "{1}" and/or "{2}"', file, 'siem: { url: https://… }', 'syslog: { host, port, tls: true }'));
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(l10n.t('{0} is not valid YAML: {1}', file, (err as Error).message.split('\n')[0]));
  }
  const parsed = AuditForwardingConfig.safeParse(raw);
  if (!parsed.success) throw new Error(l10n.t('{0} is not valid: {1}', file, parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')));
  return parsed.data;
}
