// How the images of a Langfuse deployment name their releases, so a pinning suggestion uses the
// image's own scheme (Langfuse's `3.x.y` is wrong advice for postgres). `parts`: how many numeric parts
// an exact release tag has; fewer is a floating tag that moves with every release below it.
// Schemes from each image's tag list on Docker Hub (postgres 17.2, redis 7.4.2, clickhouse-server
// <year>.<month>.<patch>.<build>, minio RELEASE.<date>T<time>Z).
import { l10n } from '../../l10n/l10n';

export interface ImageScheme {
  /** Repository path without registry, e.g. `library/postgres` matches `postgres` and `docker.io/postgres`. */
  repo: RegExp;
  label: string;
  /** Numeric parts of an exact release; undefined for schemes that are not numeric. */
  parts?: number;
  /** The parts' names, for messages. */
  format?: string;
  /** An exact tag in this scheme, for messages. */
  example: string;
  /** A tag that is an exact release although it is not numeric (e.g. minio's RELEASE.<date>). */
  exact?: RegExp;
}

export const IMAGE_SCHEMES: readonly ImageScheme[] = [
  { repo: /^langfuse\/langfuse(-worker)?$/, label: 'Langfuse', parts: 3, format: 'major.minor.patch', example: '3.x.y' },
  { repo: /^(library\/)?postgres$/, label: 'PostgreSQL', parts: 2, format: 'major.minor', example: '17.2' },
  { repo: /^(library\/)?redis$|^valkey\/valkey$|^bitnami\/(redis|valkey)$/, label: 'Redis/Valkey', parts: 3, format: 'major.minor.patch', example: '7.4.2' },
  { repo: /^clickhouse\/clickhouse-server$/, label: 'ClickHouse', parts: 4, format: 'year.month.patch.build', example: '24.8.x.y' },
  { repo: /^minio\/minio$/, label: 'MinIO', example: 'RELEASE.<date>T<time>Z', exact: /^RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z/ },
];

export interface ParsedImage {
  /** The repository path without the registry host. */
  repo: string;
  tag: string;
  digest?: string;
}

/** `registry:5000/org/name:tag@sha256:…` → its parts (Docker's reference grammar, leniently). */
export function parseImageRef(ref: string): ParsedImage {
  const [nameAndTag, digest] = ref.split('@');
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : '';
  const parts = name.split('/');
  // A first part with a dot, a colon or "localhost" is a registry host.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return { repo: parts.join('/'), tag, ...(digest ? { digest } : {}) };
}

export function schemeOf(repo: string): ImageScheme | undefined {
  return IMAGE_SCHEMES.find(s => s.repo.test(repo));
}

/** The version part of a tag (`17-alpine` → `17`, `v3.1.0` → `3.1.0`), or undefined when it is not numeric. */
export function numericVersion(tag: string): string | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_].*)?$/.exec(tag);
  return m?.[1];
}

/** How to pin this image exactly, in its own scheme; the floating `version` narrows the example. */
export function pinAdvice(image: ParsedImage, version?: string): string {
  const scheme = schemeOf(image.repo);
  const digest = l10n.t('a digest ({0})', `${image.repo}@sha256:…`);
  if (!scheme) return l10n.t('Pin an exact release tag of {0} (see its registry\'s tag list) or {1}', image.repo, digest);
  if (!scheme.parts) return l10n.t('Pin an exact {0} release (e.g. :{1}) or {2}', scheme.label, scheme.example, digest);
  // From a floating tag, keep what it says and name the missing parts (16 → 16.x); else the scheme's example.
  const given = version ? version.split('.') : [];
  const example = !version || scheme.example.startsWith(`${version}.`) ? scheme.example
    : [...given, ...['x', 'y', 'z'].slice(0, Math.max(0, scheme.parts - given.length))].join('.');
  return l10n.t('Pin an exact {0} release ({1}, e.g. :{2}) or {3}', scheme.label, scheme.format ?? '', example, digest);
}
