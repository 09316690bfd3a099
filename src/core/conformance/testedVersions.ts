// The Langfuse server versions `langfuse-access conformance` has passed on (README "Conformance").
// `doctor` warns on any other version. Add a version here only after a green run against it.
import { parseServerVersion } from '../langfuse/serverVersion';

export interface TestedVersion { version: string; where: string }

export const TESTED_SERVER_VERSIONS: readonly TestedVersion[] = [
  { version: '4.16.0', where: 'the sandbox, which replays the recordings of a real Langfuse 4.16.0 (npm test, plans oss/team/enterprise)' },
  { version: '3.112.0', where: 'the sandbox in its Langfuse 3.x world (npm test)' },
];

/** Whether the server's version is one the suite has passed on (exact match of major.minor.patch). */
export function isTestedVersion(text: string | undefined): boolean {
  const v = parseServerVersion(text);
  return !!v && TESTED_SERVER_VERSIONS.some(t => {
    const tv = parseServerVersion(t.version)!;
    return tv.major === v.major && tv.minor === v.minor && tv.patch === v.patch;
  });
}

export function testedVersionList(): string {
  return TESTED_SERVER_VERSIONS.map(t => t.version).join(', ');
}
