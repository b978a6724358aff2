import { shop, signedIn } from "../shop.js";
import { e, field, notice, renderer, showErrors, words } from "../ui.js";

/**
 * How the person hears about their orders: e-mail on or off, texts on or off, and the phone
 * texts go to, confirmed with a texted code before any order text is sent there.
 */
export async function settingsPage(): Promise<void> {
  const render = renderer();
  if (!signedIn()) {
    location.hash = "#/login";
    return;
  }
  const [{ user }, { preferences }] = await Promise.all([
    shop.userService.getMe({}),
    shop.userService.getNotificationPreferences({}),
  ]);
  const phone = preferences?.smsPhone ?? "";
  const root = render(`<h1>Notifications</h1>
    ${user?.emailVerified ? "" : `<p class="unverified">Your e-mail address ${e(user?.email)} is not confirmed yet.
      <button type="button" id="resend">Send the link again</button></p>`}
    <form id="preferences" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      <fieldset><legend>Tell me about my orders</legend>
        <label><input type="checkbox" name="email_enabled" ${preferences?.emailEnabled ? "checked" : ""} /> By e-mail</label>
        <label><input type="checkbox" name="sms_enabled" ${preferences?.smsEnabled ? "checked" : ""}
          ${phone ? "" : "disabled"} /> By text message${phone ? ` to ${e(phone)}` : " (confirm a phone first)"}</label>
      </fieldset>
      <button type="submit">Save</button>
    </form>
    <form id="phone-form" class="form" novalidate>
      <h2>${phone ? "Change the phone for texts" : "A phone for texts"}</h2>
      <p class="form-alert" role="alert"></p>
      ${field("phone", "Mobile number, with country code (+66…)", "tel", 'autocomplete="tel" required')}
      <button type="submit">Text me a code</button>
    </form>
    <form id="code-form" class="form" novalidate hidden>
      <p class="form-alert" role="alert"></p>
      ${field("code", "The 6-digit code we texted", "text", 'inputmode="numeric" autocomplete="one-time-code" required')}
      <button type="submit">Confirm phone</button>
    </form>`);

  root.querySelector("#resend")?.addEventListener("click", async () => {
    try {
      await shop.userService.sendVerificationEmail({});
      notice("A new link is on its way to your e-mail.");
    } catch (error) {
      notice(words(error), "error");
    }
  });

  const saving = root.querySelector<HTMLFormElement>("#preferences")!;
  saving.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(saving);
    try {
      await shop.userService.updateNotificationPreferences({
        preferences: { emailEnabled: data.has("email_enabled"), smsEnabled: data.has("sms_enabled") },
        updateMask: { paths: phone ? ["email_enabled", "sms_enabled"] : ["email_enabled"] },
      });
      notice("Your notification settings are saved.");
    } catch (error) {
      showErrors(saving, error);
    }
  });

  const asking = root.querySelector<HTMLFormElement>("#phone-form")!;
  const confirming = root.querySelector<HTMLFormElement>("#code-form")!;
  asking.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await shop.userService.startPhoneVerification({ phone: String(new FormData(asking).get("phone")).trim() });
      confirming.hidden = false;
      notice("We texted you a code. It works for 10 minutes.");
      confirming.querySelector<HTMLInputElement>("#code")!.focus();
    } catch (error) {
      showErrors(asking, error);
    }
  });
  confirming.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await shop.userService.confirmPhoneVerification({ code: String(new FormData(confirming).get("code")).trim() });
      await settingsPage();
      notice("Your phone is confirmed: texts about your orders go to it now.");
    } catch (error) {
      showErrors(confirming, error);
    }
  });
}
