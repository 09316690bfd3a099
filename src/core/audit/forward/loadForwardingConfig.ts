import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from '../../yaml';
import { AuditForwardingConfig, FORWARDING_CONFIG_FILE } from './forwardConfig';

/** Reads the CLI's forwarding configuration (`audit-forwarding.yaml` in the config folder); throws a message naming the file. */
export function loadForwardingConfig(configDir: string): AuditForwardingConfig {
  const file = path.join(configDir, FORWARDING_CONFIG_FILE);
  if (!fs.existsSync(file)) throw new Error(`no forwarding configured: create ${file} with "siem: { url: https://… }" and/or "syslog: { host, port, tls: true }"`);
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = AuditForwardingConfig.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
