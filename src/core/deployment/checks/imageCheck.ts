import type { ImageRef } from '../types';
import type { CheckCollector } from './checkContext';
import { checkDeployTimeImage } from './deployTimeCheck';
import { numericVersion, parseImageRef, pinAdvice, schemeOf } from './imageSchemes';
import { l10n } from '../../l10n/l10n';

/**
 * `latest`, no tag, or a floating tag (`langfuse/langfuse:3`, `postgres:17`, `redis:7.4`) — judged by
 * the image's own release scheme, with advice in that scheme. A digest pins exactly.
 */
export function checkImage(image: ImageRef, out: CheckCollector): void {
  if (image.unresolved?.length) {
    checkDeployTimeImage(image, image.unresolved, out);
    return;
  }
  const ref = image.resolved.trim();
  const parsed = parseImageRef(ref);
  if (parsed.digest) {
    out.pass('images-pinned', image.file, image.range.start.line, `${ref} (digest)`);
    return;
  }
  const fromDefault = image.raw !== image.resolved ? ` (resolved from ${image.raw})` : '';
  const tag = parsed.tag;
  if (tag === '' || tag === 'latest') {
    out.finding(image.file, image.range, 'image-unpinned',
      `${ref}${fromDefault} ${tag ? 'uses the tag latest' : 'has no tag, so it means latest'}: every pull or restart may bring a different version, including database migrations you did not review, and two hosts can run different versions. ${pinAdvice(parsed)}.`);
    return;
  }
  const scheme = schemeOf(parsed.repo);
  const version = numericVersion(tag);
  const floating = scheme?.exact?.test(tag) ? false
    : version === undefined ? false
      : scheme?.parts ? version.split('.').length < scheme.parts
        : /^\d+$/.test(version) || (!scheme && /^\d+\.\d+$/.test(version));
  if (floating) {
    out.finding(image.file, image.range, 'image-floating',
      l10n.t('{0}{1} follows every {2}.x release, so a restart can upgrade it (with migrations). {3} for reproducible deployments.', ref, fromDefault, version!, pinAdvice(parsed, version)));
  } else {
    out.pass('images-pinned', image.file, image.range.start.line, ref);
  }
}
