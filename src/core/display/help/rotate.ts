import type { CommandHelp } from '../cliHelp';
import { l10n } from '../../l10n/l10n';
import { CONNECTIONS_FILE } from '../../names';
import { headlessSinkHelp } from '../../rotation/planInput';
import { actingAsEnv, configEnv, connectionEnv, stateEnv } from './shared';

export const rotateHelp = (): CommandHelp => ({
  description: l10n.t('Rotates a project API key with the engine the extension uses: creates the new pair, keeps its secret (0600, in the state folder) until the rotation ends, pushes it to every target and reads it back, verifies it answers for the right project, waits until nothing references the old key, then revokes the old key and checks it answers 401. Interrupted at any step, it resumes; before the revoke it can be rolled back. Without --yes and without a terminal it never revokes: it stops, resumable.'),
  options: [
    { flag: '--connection NAME', description: l10n.t('a connection from {0} in the config folder (else the environment\'s credentials)', CONNECTIONS_FILE) },
    { flag: '--project NAME', description: l10n.t('the project whose key is rotated') },
    { flag: '--key pk-lf-…', description: l10n.t('the public key to rotate') },
    { flag: '--to TARGET', description: l10n.t('where the new pair goes; repeatable. {0}', headlessSinkHelp()) },
    { flag: '--compromised', description: l10n.t('revoke the old key as soon as the new one works, even while it is still referenced') },
    { flag: '--manual', description: l10n.t('no admin API: you create the new pair in the Langfuse UI (read from LANGFUSE_ACCESS_NEW_PUBLIC_KEY/_SECRET_KEY or stdin) and delete the old one there') },
    { flag: '--yes', description: l10n.t('answer yes to the deploy checklist and the revoke (CI)') },
    { flag: '--scan PATH', description: l10n.t('files or folders that must no longer reference the old public key before the revoke; repeatable') },
    { flag: '--probe-traces', description: l10n.t('before the revoke, also read tracing data arriving with the new key (v2 observations on Langfuse 4.x, the v3 trace list on older servers); when the server cannot answer it is reported as unavailable, never blocking'), default: l10n.t('off') },
    { flag: '--allow-foreign-host HOST', description: l10n.t('write the new key into an env: target whose LANGFUSE_BASE_URL, LANGFUSE_BASEURL or LANGFUSE_HOST names HOST instead of the connection\'s host; repeatable, once per host. Without it such a target is refused; --yes is not consent') },
    { flag: '--json', description: l10n.t('print the rotation report as JSON on stdout') },
    { flag: '--resume [ID]', description: l10n.t('continue an unfinished rotation (the only one when no ID is given)') },
    { flag: '--abort ID', description: l10n.t('roll an unfinished rotation back; only before the revoke — afterwards a rotation can only be finished with --resume') },
    { flag: '--list', description: l10n.t('list the rotations in the state folder') },
  ],
  environment: [
    ...connectionEnv(),
    { name: 'LANGFUSE_ACCESS_NEW_PUBLIC_KEY / _NEW_SECRET_KEY', description: l10n.t('--manual: the pair you created in the Langfuse UI') },
    { name: 'VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT', description: l10n.t('vault: targets') },
    { name: 'AWS_PROFILE, AWS_REGION, …', description: l10n.t('aws-sm: targets (the AWS SDK\'s usual configuration)') },
    { name: 'PASSWORD_STORE_DIR, GNUPGHOME', description: l10n.t('pass: targets') },
    actingAsEnv(), stateEnv(), configEnv(),
  ],
  examples: [
    { command: 'rotate --connection acme-eu --project staging-chatbot --key pk-lf-1a2b… --to env:.env.staging --to vault:secret/langfuse/staging', description: l10n.t('rotate into a .env file and Vault; asks before the revoke') },
    { command: 'rotate --connection acme-eu --project production-chatbot --key pk-lf-3c4d… --to aws-sm:acme/langfuse/prod --compromised --yes', description: l10n.t('a leaked key, from CI: revoke as soon as the new key works') },
    { command: 'rotate --connection acme-eu --project staging-chatbot --key pk-lf-1a2b… --to env:.env.staging --to access:.langfuse/access.yaml#staging --scan .', description: l10n.t('also replace the old public key in the staging environment\'s publicKeys of the workspace access file (public keys only; rolled back with the rest)') },
    { command: 'rotate --resume', description: l10n.t('continue the rotation that stopped') },
  ],
  exitCodes: {
    0: l10n.t('the rotation completed (or was rolled back with --abort), or --list'),
    1: l10n.t('the rotation waits (resume with --resume) or failed; its progress is saved'),
    2: l10n.t('usage or configuration error (a missing flag, an unknown connection, unusable credentials, a target that cannot take the key — nothing is created)'),
  },
});
