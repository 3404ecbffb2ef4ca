import { cleanup } from "@solidjs/testing-library";
import { afterEach, vi } from "vitest";

// jsdom has no scrolling; the router scrolls to the top after each navigation.
window.scrollTo = () => {};

// @solidjs/testing-library only cleans up by itself with vitest globals, which this project does not enable.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
