import type { UnreadMessages } from "@ketnoi/core";
import { createSignal } from "solid-js";
import { fetchUnread } from "./api";

const minimumGapMs = 10_000;
const [state, setState] = createSignal<UnreadMessages>({ total: 0, threads: [] });
let lastCheck = 0;
let inFlight: Promise<void> | undefined;

/**
 * The signed-in user's unread messages, for the menu's badge and each thread's summary. Checked at most every 10 s
 * unless forced (after reading a thread), like the notification bell.
 */
export const unreadMessages = {
  state,
  total: () => state().total,
  of: (applicationId: string) => state().threads.find((t) => t.applicationId === applicationId)?.unread ?? 0,
  async refresh(force = false): Promise<void> {
    if (inFlight || (!force && Date.now() - lastCheck < minimumGapMs)) return inFlight;
    lastCheck = Date.now();
    inFlight = fetchUnread()
      .then((body) => {
        setState(body);
      })
      // The badge keeps its last count when the check fails; the thread shows its own errors.
      .catch(() => {})
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  },
  reset() {
    lastCheck = 0;
    setState({ total: 0, threads: [] });
  },
};
