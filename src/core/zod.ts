// The zod/mini functions this project uses, re-exported by name. Every module imports zod from here,
// so the shared chunk carries exactly these (a namespace re-export of 'zod/mini' itself would keep all
// of zod, locales included: 430 KB instead of 35 KB, measured with esbuild's metafile).
export {
  _default, array, boolean, email, enum, extend, gte, int, iso, literal, looseObject, lte, maxLength, maximum, minLength, minimum, nonnegative, nullable,
  number, object, optional, positive, record, regex, startsWith, strictObject, string, union, unknown,
} from 'zod/mini';
export type { infer, input, ZodMiniType, core } from 'zod/mini';

/**
 * A schema built on first use. Building zod schemas was the largest remaining part of loading the
 * extension's activation bundle (node --cpu-prof of the activation benchmark's probe), so the modules
 * on that path define theirs with this: a schema no code path has parsed with yet costs nothing.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = () => built ??= build();
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    has: (_target, key) => Reflect.has(schema(), key),
  });
}
