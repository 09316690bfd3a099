import type { ImageRef } from '../types';
import type { CheckCollector } from './checkContext';

/** `latest`, no tag, or a floating major tag such as `langfuse/langfuse:3`. A digest pins exactly. */
export function checkImage(image: ImageRef, out: CheckCollector): void {
  const ref = image.resolved.trim();
  if (ref.includes('@sha256:')) {
    out.pass('images-pinned', image.file, image.range.start.line, `${ref} (digest)`);
    return;
  }
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? ref.slice(colon + 1) : '';
  const fromDefault = image.raw !== image.resolved ? ` (resolved from ${image.raw})` : '';
  if (tag === '' || tag === 'latest') {
    out.finding(image.file, image.range, 'image-unpinned',
      `${ref}${fromDefault} ${tag ? 'uses the tag latest' : 'has no tag, so it means latest'}: every pull or restart may bring a different version, including database migrations you did not review, and two hosts can run different versions. Pin a release (e.g. :3.x.y) or a digest.`);
  } else if (/^v?\d+(\.\d+)?$/.test(tag)) {
    out.finding(image.file, image.range, 'image-floating',
      `${ref}${fromDefault} follows every ${tag}.x release, so a restart can upgrade it (with migrations). Pin the exact version (e.g. :${tag}${tag.includes('.') ? '' : '.x'}.y) or a digest for reproducible deployments.`);
  } else {
    out.pass('images-pinned', image.file, image.range.start.line, ref);
  }
}
