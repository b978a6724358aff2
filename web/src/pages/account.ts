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
      <p>New here? <a href="#/register">Create an account</a>.</p>
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
