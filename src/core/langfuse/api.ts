import { l10n } from '../l10n/l10n';
import type * as z from '../zod';
import { LangfuseError, NetworkError, SchemaError, ServerError, TimeoutError } from './errors';
import type { RawResponse, RequestSpec, Transport } from './http/transport';

/** What the resource modules use: send a request, demand a 2xx, validate the answer. */
export class Api {
  constructor(readonly transport: Transport, private readonly signal?: AbortSignal) {}

  /** The same API whose every request is cancelled when `signal` aborts. */
  withSignal(signal: AbortSignal): Api {
    return new Api(this.transport, signal);
  }

  private send(spec: RequestSpec): Promise<RawResponse> {
    return this.transport.send(this.signal && !spec.signal ? { ...spec, signal: this.signal } : spec);
  }

  async call<S extends z.ZodMiniType>(spec: RequestSpec, schema: S): Promise<z.infer<S>> {
    const res = await this.send(spec);
    if (res.status < 200 || res.status >= 300) throw this.transport.errorFor(spec, res);
    return this.parse(spec, res, schema);
  }

  /** For answers without a body (204). */
  async callEmpty(spec: RequestSpec): Promise<void> {
    const res = await this.send(spec);
    if (res.status < 200 || res.status >= 300) throw this.transport.errorFor(spec, res);
  }

  parse<S extends z.ZodMiniType>(spec: RequestSpec, res: RawResponse, schema: S): z.infer<S> {
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return parsed.data;
    if (typeof res.body === 'string' && /^\s*</.test(res.body)) {
      throw new SchemaError(['body is HTML'], l10n.t('{0} answered with an HTML page instead of Langfuse\'s JSON — often a login page of a proxy or SSO gateway in front of Langfuse, or a wrong base URL. Open the base URL in a browser and use the address of Langfuse itself.', this.transport.describe(spec)), { status: res.status, request: this.transport.describe(spec) });
    }
    const issues = parsed.error.issues.slice(0, 5).map(i => `${i.path.join('.') || '(body)'}: ${i.code}${'expected' in i ? ` (expected ${String(i.expected)})` : ''}`);
    throw new SchemaError(issues, l10n.t('Langfuse answered {0} in an unexpected shape ({1}). The server may run a Langfuse version this tool does not know; check GET /api/public/health and update the tool.', this.transport.describe(spec), issues.join('; ')), { status: res.status, request: this.transport.describe(spec) });
  }
}

/**
 * A failure after which the server may or may not have acted: lost connection, timeout, 5xx, or a
 * 2xx whose body could not be read.
 */
export function isAmbiguous(err: unknown): boolean {
  if (err instanceof NetworkError || err instanceof TimeoutError || err instanceof ServerError) return true;
  return err instanceof SchemaError && (err.status === undefined || (err.status >= 200 && err.status < 300));
}

/**
 * DELETE with one retry after an ambiguous failure. If the retry answers 404, the first attempt
 * probably succeeded: it counts as done only once a fresh list confirms the object is gone.
 */
export async function deleteConfirmed(send: () => Promise<void>, isGone: () => Promise<boolean>): Promise<void> {
  try {
    await send();
    return;
  } catch (err) {
    if (!isAmbiguous(err)) throw err;
  }
  try {
    await send();
  } catch (err) {
    if (err instanceof LangfuseError && err.kind === 'notFound' && (await isGone())) return;
    throw err;
  }
}
