import type { SandboxResponse } from '../http/types';

/** What Next.js answers for a route the deployment does not have: an HTML 404 page, like any unknown path. */
export function notFoundPage(): SandboxResponse {
  return { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, text: '<!DOCTYPE html><title>404: This page could not be found.</title>' };
}
