// Everything one .env check may use, as plain data. The extension fills it from the open document,
// the workspace access file, the cached key index and VS Code's git API; the CLI from the disk.
import type { LoadedAccessFile } from '../access/accessFile';
import type { MatchedEnvironment } from '../access/environmentMatch';
import type { GitFileState } from '../git/gitRepository';
import type { KeyIndex, WhoAmIResult } from './keyIndex';
import type { SdkKind } from './sdkDetect';

export interface EnvCheckInput {
  /** Absolute path of the file. */
  filePath: string;
  text: string;
  /** The nearest access file, valid or not (its problems are reported by accessFileFindings). */
  access?: LoadedAccessFile;
  keyIndex?: KeyIndex;
  /** who-am-I answers fetched beforehand, by pairKey(publicKey, secretKey). */
  online?: ReadonlyMap<string, WhoAmIResult>;
  /** Undefined when the file is not in a git repository or git state is unknown. */
  git?: GitFileState;
  /** Gitignore to suggest in fixes (the repository's top-level .gitignore). */
  gitignorePath?: string;
  /** Where the access file's connection points, from the user's settings or the CLI config. */
  connectionBaseUrl?: string;
  /** SDKs used by the code next to the file; empty or absent when unknown. */
  sdks?: readonly SdkKind[];
  now?: Date;
  /** Used when the access file sets no rotation.maxAgeDays (the user's setting, default 90). */
  rotationMaxAgeDays?: number;
}

/** Resolved facts shared by the rule modules of one check. */
export interface CheckScope {
  input: EnvCheckInput;
  environment: MatchedEnvironment | undefined;
}
