// Entry of the lazily-required chunk dist/chunks/online.js: the who-am-I check of key pairs found in
// workspace files, run only on explicit request (or the verifyKeysOnline setting) in a trusted workspace.
export { verifyPairsOnline } from '../rules/onlineCheck';
