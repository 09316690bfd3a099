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
    out.pass('images-pinned', image.file, image.range.start.line, l10n.t('{0} (digest)', ref));
    return;
  }
  // The image as the messages name it: its reference, and where a default filled it in, what was written.
  const subject = image.raw !== image.resolved ? l10n.t('{0} (resolved from {1})', ref, image.raw) : ref;
  const tag = parsed.tag;
  if (tag === '' || tag === 'latest') {
    out.finding(image.file, image.range, 'image-unpinned',
      tag
        ? l10n.t('{0} uses the tag latest: every pull or restart may bring a different version, including database migrations you did not review, and two hosts can run different versions. {1}.', subject, pinAdvice(parsed))
        : l10n.t('{0} has no tag, so it means latest: every pull or restart may bring a different version, including database migrations you did not review, and two hosts can run different versions. {1}.', subject, pinAdvice(parsed)));
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
      l10n.t('{0} follows every {1}.x release, so a restart can upgrade it (with migrations). {2} for reproducible deployments.', subject, version!, pinAdvice(parsed, version)));
  } else {
    out.pass('images-pinned', image.file, image.range.start.line, ref);
  }
}
