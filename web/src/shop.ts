import { createCommerceClient, anonymous, existingSession, sessionToken, type AccessToken, type CommerceClient } from "@commerce-mesh/sdk";

// The page's session survives a reload in sessionStorage (never localStorage: it ends with the
// tab). A refresh token is single-use, so every renewal the SDK makes is written back.
const STORAGE = "commerce-mesh.session";

interface Saved {
  value: string;
  expiresAt: string;
  refreshToken: string;
  name: string;
}

function load(): Saved | undefined {
  const raw = sessionStorage.getItem(STORAGE);
  return raw ? (JSON.parse(raw) as Saved) : undefined;
}

let saved = load();

export const shop: CommerceClient = createCommerceClient({
  baseUrl: location.origin.startsWith("http://localhost:5173") ? "http://localhost:8080" : location.origin,
  credentials: saved
    ? existingSession({ value: saved.value, expiresAt: new Date(saved.expiresAt), refreshToken: saved.refreshToken })
    : anonymous(),
  onToken: (token: AccessToken | undefined) => {
    if (token && saved) {
      saved = { ...saved, value: token.value, expiresAt: token.expiresAt.toISOString(), refreshToken: token.refreshToken };
      sessionStorage.setItem(STORAGE, JSON.stringify(saved));
    }
  },
});

export function signedIn(): string | undefined {
  return saved?.name;
}

export async function signIn(email: string, password: string): Promise<void> {
  const { session } = await shop.authService.login({ email, password });
  const token = sessionToken(session);
  saved = { value: token.value, expiresAt: token.expiresAt.toISOString(), refreshToken: token.refreshToken, name: email };
  shop.use(existingSession(token));
  const { user } = await shop.userService.getMe({});
  saved = { ...saved, name: user?.firstName || email };
  sessionStorage.setItem(STORAGE, JSON.stringify(saved));
}

export async function signOut(): Promise<void> {
  const refreshToken = saved?.refreshToken;
  saved = undefined;
  sessionStorage.removeItem(STORAGE);
  if (refreshToken) {
    await shop.authService.logout({ refreshToken }).catch(() => undefined);
  }
  shop.use(anonymous());
}
