import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import { CvFilesPanel } from "./CvFilesPanel";

const ready = {
  id: "f-1",
  name: "CV tiếng Việt",
  status: "ready",
  size: 183_500,
  pages: 2,
  createdAt: "2026-12-01T02:00:00Z",
};

/** The API of a student with one CV, whose next upload storage accepts and the API's check refuses as not a PDF. */
async function studentWithOneCv() {
  return signInAs(people.lan, ({ method, url }) => {
    if (method === "GET" && url === "/api/files/cv") return { body: { items: [ready], max: 3 } };
    if (method === "POST" && url === "/api/files/cv") {
      return {
        status: 201,
        body: {
          file: { id: "f-2", name: "CV giả", status: "pending", createdAt: "2026-12-06T02:00:00Z" },
          upload: { url: "http://storage.test/files", fields: { key: "uploads/sv-lan/f-2.pdf" }, expiresAt: "x" },
        },
      };
    }
    if (method === "POST" && url === "http://storage.test/files") return { status: 204, body: null };
    if (method === "POST" && url === "/api/files/cv/f-2/check") {
      return { status: 422, body: { error: { code: "not_a_pdf", message: "Tệp không phải PDF…" } } };
    }
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
}

describe("CV files panel", () => {
  it("lists the student's CVs and explains a refused upload; the file went to storage, not to the API", async () => {
    const calls = await studentWithOneCv();
    renderPage(() => <CvFilesPanel />, "/ho-so");
    expect(await screen.findByText("CV tiếng Việt")).toBeTruthy();
    expect(screen.getByText(/2 trang/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText(/^Tên CV/), { target: { value: "CV giả" } });
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0, 0])], "cv.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("Tệp PDF"), { target: { files: [exe] } });
    fireEvent.click(screen.getByRole("button", { name: "Tải lên" }));

    expect(await screen.findByText(/không phải PDF \(chỉ đổi đuôi thành \.pdf là chưa đủ\)/)).toBeTruthy();
    const urls = calls.mock.calls.map(([url, init]) => `${init?.method ?? "GET"} ${String(url)}`);
    expect(urls).toEqual(
      expect.arrayContaining(["POST /api/files/cv", "POST http://storage.test/files", "POST /api/files/cv/f-2/check"]),
    );
    expect(screen.queryByText("CV giả")).toBeNull();
  });

  it("asks for a name and a file before sending anything", async () => {
    const calls = await studentWithOneCv();
    renderPage(() => <CvFilesPanel />, "/ho-so");
    await screen.findByText("CV tiếng Việt");
    fireEvent.click(screen.getByRole("button", { name: "Tải lên" }));
    expect(await screen.findByText("Hãy đặt tên cho CV.")).toBeTruthy();
    expect(
      calls.mock.calls.some(([url]) => String(url).startsWith("/api/files/cv") && String(url) !== "/api/files/cv"),
    ).toBe(false);
    expect(calls.mock.calls.some(([url, init]) => url === "/api/files/cv" && init?.method === "POST")).toBe(false);
  });
});
