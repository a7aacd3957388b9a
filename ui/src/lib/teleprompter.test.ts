import { describe, expect, it } from "vitest";
import { FONT_SIZES, clock, nudge, scrollSpeed, spokenWords, stepSegment, timerText } from "./teleprompter";

describe("teleprompter", () => {
  it("scrolls a segment in the time its words take to say", () => {
    // 160 words at 160 wpm take 60 s: 1200 px in 60 s is 20 px/s.
    expect(scrollSpeed(160, 160, 1200)).toBeCloseTo(20);
    expect(scrollSpeed(80, 160, 1200)).toBeCloseTo(10);
    expect(scrollSpeed(160, 0, 1200)).toBe(0);
  });

  it("moves between segments without leaving the script", () => {
    expect(stepSegment(0, -1, 5)).toBe(0);
    expect(stepSegment(3, 1, 5)).toBe(4);
    expect(stepSegment(4, 1, 5)).toBe(4);
    expect(stepSegment(2, -1, 0)).toBe(0);
  });

  it("shows elapsed over planned and says when the host runs over", () => {
    expect(timerText(65, 45)).toEqual({ text: "1:05 / 0:45", over: true });
    expect(timerText(12.7, 45)).toEqual({ text: "0:12 / 0:45", over: false });
    expect(clock(20 * 60)).toBe("20:00");
    expect(clock(-3)).toBe("0:00");
  });

  it("counts spoken words and nudges settings within bounds", () => {
    expect(spokenWords("  Cả nhà ơi,  mật ong đây! ")).toBe(6);
    expect(nudge(FONT_SIZES.max, 1, FONT_SIZES)).toBe(FONT_SIZES.max);
    expect(nudge(40, -1, FONT_SIZES)).toBe(36);
  });
});
