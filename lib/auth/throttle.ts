// Failed logins per client address: the per-account lockout stops guessing one password, this stops
// one address trying many accounts. In memory: the app runs as one process per county server.
export const MAX_FAILURES_PER_ADDRESS = 20;
export const WINDOW_MS = 15 * 60_000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly max = MAX_FAILURES_PER_ADDRESS, private readonly windowMs = WINDOW_MS) {}

  /** Minutes until the address may try again, or 0 if it may try now. */
  blockedMinutes(address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 60_000));
  }

  recordFailure(address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.prune(now); // bounded memory under a spray from many addresses
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number) {
    for (const [address, times] of this.failures) if (!times.some((at) => now - at < this.windowMs)) this.failures.delete(address);
  }
}

export const loginThrottle = new LoginThrottle();
