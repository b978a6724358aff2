import { describeError } from "@commerce-mesh/sdk";
import { shop, signIn } from "../shop.js";
import { field, notice, renderer, showErrors } from "../ui.js";

export function loginPage(): void {
  const render = renderer();
  const root = render(`<h1>Sign in</h1>
    <form id="login" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      ${field("email", "E-mail", "email", 'autocomplete="email" required')}
      ${field("password", "Password", "password", 'autocomplete="current-password" required')}
      <button type="submit">Sign in</button>
      <p>New here? <a href="#/register">Create an account</a>. <a href="#/forgot-password">Forgot your password?</a></p>
    </form>`);
  const form = root.querySelector<HTMLFormElement>("#login")!;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await signIn(String(data.get("email")), String(data.get("password")));
      location.hash = "#/";
      notice("Welcome back.");
    } catch (error) {
      showErrors(form, error);
    }
  });
}

export function registerPage(): void {
  const render = renderer();
  const root = render(`<h1>Create an account</h1>
    <form id="register" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      ${field("first_name", "First name", "text", 'autocomplete="given-name"')}
      ${field("email", "E-mail", "email", 'autocomplete="email"')}
      ${field("password", "Password (8 characters or more)", "password", 'autocomplete="new-password"')}
      <button type="submit">Create account</button>
    </form>`);
  const form = root.querySelector<HTMLFormElement>("#register")!;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const email = String(data.get("email"));
    const password = String(data.get("password"));
    try {
      await shop.authService.register({ email, password, firstName: String(data.get("first_name")) });
      await signIn(email, password);
      location.hash = "#/";
      notice("Your account is ready. Happy shopping!");
    } catch (error) {
      showErrors(form, error);
    }
  });
}

export function forgotPasswordPage(): void {
  const render = renderer();
  const root = render(`<h1>Forgot your password?</h1>
    <form id="forgot" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      ${field("email", "E-mail", "email", 'autocomplete="email" required')}
      <button type="submit">Send me a link</button>
    </form>`);
  const form = root.querySelector<HTMLFormElement>("#forgot")!;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await shop.authService.requestPasswordReset({ email: String(new FormData(form).get("email")) });
      render(`<h1>Check your e-mail</h1>
        <p>If an account uses that address, a link to choose a new password is on its way. It works for one hour.</p>`);
    } catch (error) {
      showErrors(form, error);
    }
  });
}

export function resetPasswordPage(params: URLSearchParams): void {
  const render = renderer();
  const root = render(`<h1>Choose a new password</h1>
    <form id="reset" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      <input type="hidden" name="token" />
      ${field("new_password", "New password (8 characters or more)", "password", 'autocomplete="new-password" required')}
      <button type="submit">Set password</button>
    </form>`);
  const form = root.querySelector<HTMLFormElement>("#reset")!;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await shop.authService.resetPassword({
        token: params.get("token") ?? "",
        newPassword: String(new FormData(form).get("new_password")),
      });
      location.hash = "#/login";
      notice("Your password is changed and every device was signed out. Sign in with the new one.");
    } catch (error) {
      showErrors(form, error);
      if (describeError(error).fieldViolations.some((violation) => violation.field === "token")) {
        form.querySelector(".form-alert")!.textContent =
          "This link is invalid, expired or already used. Ask for a new one from the sign-in page.";
      }
    }
  });
}

export async function verifyEmailPage(params: URLSearchParams): Promise<void> {
  const render = renderer();
  try {
    await shop.authService.verifyEmail({ token: params.get("token") ?? "" });
    render(`<h1>Thank you</h1><p>Your e-mail address is confirmed.</p><p><a href="#/">Back to the shop</a></p>`);
  } catch {
    render(`<h1>That link did not work</h1>
      <p role="alert">It is invalid, expired or already used. Signed in, you can ask for a new one.</p>`);
  }
}
