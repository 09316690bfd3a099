// Entry of the lazily-required chunk dist/chunks/sso.js: the SSO setup assistant (provider catalogue,
// variable blocks written with the deployment readers, the online OpenID Connect check with undici).
export * from '../sso/index';
