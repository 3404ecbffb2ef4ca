import { describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { handleSesEvent } from "./bounces";
import { mailableAddress } from "./sender";

describe("SES bounce and complaint events", () => {
  it("suppresses a permanently bounced address once and tells its holder in-app", async () => {
    const token = await userWithToken("sv-bounce", "student");
    expect(await mailableAddress("sv-bounce")).toBe("sv-bounce@example.vn");
    const event = {
      eventType: "Bounce",
      bounce: {
        bounceType: "Permanent",
        bouncedRecipients: [{ emailAddress: "SV-Bounce@example.vn" }],
        timestamp: new Date().toISOString(),
      },
    };
    expect(await handleSesEvent(event)).toEqual(["SV-Bounce@example.vn"]);
    expect(await handleSesEvent(event)).toEqual([]);
    expect(await mailableAddress("sv-bounce")).toBeUndefined();
    const notices = (await call("GET", "/api/notifications", { token })).json.items as Array<{
      kind: string;
      title: { vi: string };
    }>;
    expect(notices.map((n) => [n.kind, n.title.vi])).toEqual([
      ["mail_delivery", "Thư gửi tới địa chỉ của bạn bị trả lại"],
    ]);
  });

  it("leaves a transient bounce (a full mailbox) alone", async () => {
    await userWithToken("sv-full", "student");
    const event = {
      eventType: "Bounce",
      bounce: { bounceType: "Transient", bouncedRecipients: [{ emailAddress: "sv-full@example.vn" }] },
    };
    expect(await handleSesEvent(event)).toEqual([]);
    expect(await mailableAddress("sv-full")).toBe("sv-full@example.vn");
  });
});
