// Which files the editor treats as deployment configuration. Kept free of imports: the extension's
// activation path reads these without loading the YAML readers.

/** Files the editor checks as deployment configuration when they are opened or changed. */
export const DEPLOYMENT_CANDIDATE = /(^|[\\/])(docker-compose[^\\/]*|compose[^\\/]*|values[^\\/]*)\.ya?ml$|(^|[\\/])\.env[^\\/]*$|\.env$/;
/** The workspace search for the compliance report (the .env files come through their compose file). */
export const DEPLOYMENT_FILE_GLOB = '**/{docker-compose*.yml,docker-compose*.yaml,compose*.yml,compose*.yaml,values*.yaml,values*.yml}';
/** Findings about SSO, from which the SSO assistant is offered. */
export const SSO_FINDING = /^(sso-|no-login-method$|password-login-enabled$)/;
