import { ConnectError, Code, type Client } from "@connectrpc/connect";
import { timestampDate, type Timestamp } from "@bufbuild/protobuf/wkt";
import type { AuthService, Session } from "./gen/commerce/user/v1/user_pb.js";

/** A bearer token, when it expires, and for a person's session the refresh token that renews it. */
export interface AccessToken {
  readonly value: string;
  readonly expiresAt: Date;
  readonly refreshToken: string;
}

/** Who the client acts as, and how it gets (and renews) a token for that. */
export interface Credentials {
  obtain(auth: Client<typeof AuthService>, previous: AccessToken | undefined): Promise<AccessToken | undefined>;
}

/** Anonymous: browsing, registering. */
export function anonymous(): Credentials {
  return { obtain: async () => undefined };
}

/** A partner's API key: OAuth 2.0 client credentials, asked again as the token nears expiry. */
export function clientCredentials(clientId: string, clientSecret: string): Credentials {
  return {
    async obtain(auth) {
      const issued = await auth.issueClientToken({ clientId, clientSecret });
      return { value: issued.accessToken, expiresAt: date(issued.expireTime), refreshToken: "" };
    },
  };
}

/**
 * A person's login. The session's refresh token renews the access token (and is rotated);
 * when the session is gone (logged out, expired) the client logs in again.
 */
export function userLogin(email: string, password: string): Credentials {
  return {
    async obtain(auth, previous) {
      if (previous?.refreshToken) {
        try {
          return session((await auth.refreshToken({ refreshToken: previous.refreshToken })).session);
        } catch (e) {
          if (ConnectError.from(e).code !== Code.Unauthenticated) {
            throw e;
          }
        }
      }
      return session((await auth.login({ email, password })).session);
    },
  };
}

/**
 * A token the application holds already: a session from its own login form, or one it kept
 * across a page load (see `onToken`). Renewed through its refresh token.
 */
export function existingSession(token: AccessToken): Credentials {
  let first: AccessToken | undefined = token;
  return {
    async obtain(auth, previous) {
      if (first) {
        const initial = first;
        first = undefined;
        return initial;
      }
      const refreshToken = previous?.refreshToken || token.refreshToken;
      if (!refreshToken) {
        throw new ConnectError("the session has no refresh token", Code.Unauthenticated);
      }
      return session((await auth.refreshToken({ refreshToken })).session);
    },
  };
}

/** A login's (or refresh's) session as the token the client carries. */
export function sessionToken(value: Session | undefined): AccessToken {
  return session(value);
}

function session(value: Session | undefined): AccessToken {
  if (!value) {
    throw new ConnectError("the mesh answered without a session", Code.Internal);
  }
  return { value: value.accessToken, expiresAt: date(value.accessTokenExpireTime), refreshToken: value.refreshToken };
}

function date(timestamp: Timestamp | undefined): Date {
  return timestamp ? timestampDate(timestamp) : new Date(0);
}
