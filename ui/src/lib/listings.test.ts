import { describe, expect, it } from "vitest";
import { charCount, fixTarget, gauge, wordCount } from "./listings";

describe("listing counters", () => {
  it("counts characters as code points, so Vietnamese letters count once", () => {
    expect(charCount("Mật ong")).toBe(7);
    expect(charCount("🍯")).toBe(1);
  });

  it("counts words as runs of letters and digits", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  Mật ong hoa nhãn, 500 ml.  ")).toBe(6);
    expect(wordCount("Trà-xanh/Thái Nguyên")).toBe(4);
  });

  it("reads a counter against its limits", () => {
    expect(gauge(10, 25, 255)).toBe("short");
    expect(gauge(25, 25, 255)).toBe("ok");
    expect(gauge(256, 25, 255)).toBe("over");
  });
});

describe("fix links", () => {
  it("send listing fields to the platform's card and product facts to the product tab", () => {
    expect(fixTarget("title", "shopee")).toEqual({ tab: "listings", element: "listing-shopee-title" });
    expect(fixTarget("proofs", "tiki")).toEqual({ tab: "listings", element: "section-proofs" });
    expect(fixTarget("storage", "lazada")).toEqual({ tab: "product", element: "field-storage" });
    expect(fixTarget("package", "tiktok_shop")).toEqual({ tab: "product", element: "field-weight" });
  });
});
