import { describe, expect, it } from "vitest";
import { pagesOf, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("covers the viewport plus a margin, within the list", () => {
    expect(visibleRange(0, 640, 64, 10_000)).toEqual({ first: 0, end: 13 });
    expect(visibleRange(64 * 1000, 640, 64, 10_000)).toEqual({ first: 997, end: 1013 });
    expect(visibleRange(64 * 9_995, 640, 64, 10_000)).toEqual({ first: 9_992, end: 10_000 });
  });

  it("is empty for an empty list", () => {
    expect(visibleRange(0, 640, 64, 0)).toEqual({ first: 0, end: 0 });
  });
});

describe("pagesOf", () => {
  it("names every page that holds a visible row", () => {
    expect(pagesOf({ first: 0, end: 16 }, 50)).toEqual([0]);
    expect(pagesOf({ first: 45, end: 120 }, 50)).toEqual([0, 1, 2]);
    expect(pagesOf({ first: 5, end: 5 }, 50)).toEqual([]);
  });
});
