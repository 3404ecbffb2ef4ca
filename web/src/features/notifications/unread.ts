import { createSignal } from "solid-js";
import { api, request } from "../../app/api/client";

const minimumGapMs = 10_000;
const [unread, setUnread] = createSignal(0);
let lastCheck = 0;
let inFlight: Promise<void> | undefined;

/**
 * The signed-in user's unread notification count, for the bell. Checks at most every 10 s unless forced, so
 * moving between pages on a slow phone does not cost a request each time.
 */
export const unreadNotifications = {
  count: unread,
  set: setUnread,
  async refresh(force = false): Promise<void> {
    if (inFlight || (!force && Date.now() - lastCheck < minimumGapMs)) return inFlight;
    lastCheck = Date.now();
    inFlight = request(() => api.notifications.$get())
      .then((body) => {
        setUnread(body.unread);
      })
      // The bell keeps its last count when the check fails; the notifications page shows the error itself.
      .catch(() => {})
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  },
  reset() {
    lastCheck = 0;
    setUnread(0);
  },
};
