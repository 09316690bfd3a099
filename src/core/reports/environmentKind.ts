/** Which deployment environment a name (project, key note, .env file) points at, from its words. */
export type EnvironmentKind = 'production' | 'staging' | 'development' | 'analytics' | 'test';

const PATTERNS: [EnvironmentKind, RegExp][] = [
  ['production', /(^|[^a-z])(prod|production|prd|live)([^a-z]|$)/i],
  ['staging', /(^|[^a-z])(stag|staging|stage|stg|preprod|uat)([^a-z]|$)/i],
  ['development', /(^|[^a-z])(dev|development|local|sandbox)([^a-z]|$)/i],
  ['analytics', /(^|[^a-z])(analytics|reporting|bi|readonly)([^a-z]|$)/i],
  ['test', /(^|[^a-z])(test|testing|ci|qa)([^a-z]|$)/i],
];

/** All kinds a name mentions ("prod-staging-bot" → production and staging). */
export function environmentKinds(name: string): EnvironmentKind[] {
  return PATTERNS.filter(([, re]) => re.test(name)).map(([kind]) => kind);
}

/** The one kind a name points at, or undefined when it names none or several. */
export function environmentKind(name: string): EnvironmentKind | undefined {
  const kinds = environmentKinds(name);
  return kinds.length === 1 ? kinds[0] : undefined;
}
