import { describe, expect, it } from "vitest";
import { dropPosition, steppedPosition, thumbnailUrl } from "./photos";

describe("photo strip", () => {
  it("addresses thumbnails by hash and fit on every system", () => {
    const sha = "ab".repeat(32);
    expect(thumbnailUrl(sha, "crop", false)).toBe(`photo://localhost/thumb/crop/${sha}.jpg`);
    expect(thumbnailUrl(sha, "pad", true)).toBe(`http://photo.localhost/thumb/pad/${sha}.jpg`);
  });

  it("drops a dragged photo between the others", () => {
    const others = [50, 150, 250];
    expect(dropPosition(others, 10)).toBe(0);
    expect(dropPosition(others, 151)).toBe(2);
    expect(dropPosition(others, 999)).toBe(3);
  });

  it("moves with the keyboard within the strip only", () => {
    expect(steppedPosition(0, -1, 3)).toBeNull();
    expect(steppedPosition(0, 1, 3)).toBe(1);
    expect(steppedPosition(2, 1, 3)).toBeNull();
  });
});
