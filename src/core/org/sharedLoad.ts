import { CancelledError } from '../flow/work';

/**
 * One load shared by every reader that asks while it runs. Readers may bring their own signal: when
 * a reader cancels, only its wait ends; the load's requests stop when every reader waiting on it
 * has cancelled and none joined without a signal (the tree, which never cancels).
 */
export class SharedLoad<T> {
  readonly promise: Promise<T>;
  value?: T;
  private readonly controller = new AbortController();
  private pinned = false;
  private waiting = 0;
  private settled = false;

  constructor(load: (signal: AbortSignal) => Promise<T>) {
    this.promise = load(this.controller.signal);
    this.promise.then(v => { this.value = v; this.settled = true; }, () => { this.settled = true; });
  }

  /** True once every reader cancelled: its result must not be used or kept. */
  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  join(signal?: AbortSignal): Promise<T> {
    if (!signal) {
      this.pinned = true;
      return this.promise;
    }
    if (signal.aborted) return Promise.reject(new CancelledError());
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return false;
        done = true;
        this.waiting--;
        signal.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        reject(new CancelledError());
        if (this.waiting === 0 && !this.pinned && !this.settled) this.controller.abort();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.promise.then(v => { if (leave()) resolve(v); }, e => { if (leave()) reject(e); });
    });
  }
}
