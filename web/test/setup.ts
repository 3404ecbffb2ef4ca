import { cleanup, configure } from "@solidjs/testing-library";
import { afterEach, vi } from "vitest";
import { session } from "../src/app/session/session";
import { unreadNotifications } from "../src/features/notifications/unread";

// findBy/waitFor default to 1 s, which a busy 2-core machine sometimes needs more than to render a lazy form.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no scrolling; the router scrolls to the top after each navigation.
window.scrollTo = () => {};

// @solidjs/testing-library only cleans up by itself with vitest globals, which this project does not enable.
afterEach(() => {
  cleanup();
  session.signOut();
  unreadNotifications.reset();
  vi.unstubAllGlobals();
  localStorage.clear();
});
