import type { Client } from "@connectrpc/connect";
import type { AuthService } from "./gen/commerce/user/v1/user_pb.js";
import type { AccessToken, Credentials } from "./credentials.js";

/**
 * The client's current token: obtained on first use, renewed once it is within
 * `refreshAheadMs` of expiring; concurrent calls share one renewal.
 */
export class Tokens {
  private current: AccessToken | undefined;
  private pending: Promise<AccessToken | undefined> | undefined;

  constructor(
    private credentials: Credentials,
    private readonly auth: Client<typeof AuthService>,
    private readonly refreshAheadMs: number,
    private readonly onToken: (token: AccessToken | undefined) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  async bearer(): Promise<string | undefined> {
    const fresh = this.current && this.current.value !== ""
      && this.now() < this.current.expiresAt.getTime() - this.refreshAheadMs;
    if (!fresh) {
      this.pending ??= this.credentials.obtain(this.auth, this.current).finally(() => (this.pending = undefined));
      this.current = await this.pending;
      this.onToken(this.current);
    }
    return this.current?.value;
  }

  /** The mesh refused the token: the next call gets a new one. True when there was one to renew. */
  rejected(): boolean {
    if (!this.current) {
      return false;
    }
    this.current = { ...this.current, value: "" };
    return true;
  }

  use(credentials: Credentials): void {
    this.credentials = credentials;
    this.current = undefined;
    this.onToken(undefined);
  }
}
