// Entry of the lazily-required chunk dist/chunks/online.js: the who-am-I check of key pairs found in
// workspace files, run only on explicit request (or the verifyKeysOnline setting) in a trusted workspace.
export { createWhoAmIResolver } from '../rules/whoAmIResolver';
export { keyPairsInFiles } from '../rules/lintWorkspace';
export { pairKey } from '../rules/keyIndex';
