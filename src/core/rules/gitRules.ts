// Keys and git: a secret key in a tracked file is already in the repository's history; a production
// key in a file git does not ignore is one `git add .` away from it.
import { unsafePatternReason } from '../git/gitignoreWriter';
import type { CheckScope } from './context';
import type { Finding, Fix } from './finding';
import { finding } from './finding';
import type { KeyGroup } from './projectRules';
import { isProductionKey } from './projectRules';
import { l10n } from '../l10n/l10n';

export function gitFindings(scope: CheckScope, groups: KeyGroup[]): Finding[] {
  const git = scope.input.git;
  if (!git) return [];
  const file = scope.input.filePath;
  const gitignorePath = scope.input.gitignorePath;
  const out: Finding[] = [];
  // A name git or a shell would interpret (`.env.x;touch${IFS}PWNED`) gets no fix: the user adds it by hand.
  const ignoreFix = (untrack: boolean): Fix[] => (gitignorePath && !unsafePatternReason(`/${git.relativePath}`)
    ? [{ kind: 'addToGitignore', title: untrack ? l10n.t('Add {0} to .gitignore (then untrack it with git rm --cached)', git.relativePath) : l10n.t('Add {0} to .gitignore', git.relativePath), gitignorePath, pattern: `/${git.relativePath}`, alsoUntrack: untrack }]
    : []);

  for (const group of groups) {
    const pk = group.publicKey?.value.trim();
    if (git.tracked && group.secretKey) {
      out.push(finding(file, 'secret-in-tracked-file', group.secretKey.valueRange, l10n.t('{0} is tracked by git, so this secret key is in the repository\'s history. Rotate the key, then add the file to .gitignore and untrack it (git rm --cached {0}).', git.relativePath), {
        fixes: [...(pk ? [{ kind: 'openRotationWizard' as const, title: l10n.t('Rotate this key…'), publicKey: pk }] : []), ...ignoreFix(true)],
        ...(pk ? { publicKey: pk } : {}),
      }));
    }
    if (!git.ignored && isProductionKey(scope, group)) {
      const range = (group.publicKey ?? group.secretKey)?.valueRange;
      if (!range || (git.tracked && group.secretKey)) continue; // the tracked-secret finding says more
      out.push(finding(file, 'production-key-not-ignored', range, l10n.t('This production key is in {0}, which git does not ignore, so it can be committed by accident. Add the file to .gitignore.', git.relativePath), {
        fixes: ignoreFix(git.tracked), ...(pk ? { publicKey: pk } : {}),
      }));
    }
  }
  return out;
}
