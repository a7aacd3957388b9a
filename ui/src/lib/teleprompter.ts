// The teleprompter's arithmetic: how fast the text scrolls for a speaking pace, where
// the arrow keys go, and how the segment timer reads.

/** Pixels per second that keep `wordsPerMinute` under the reading line, given how many
 *  words a rendered segment holds and how tall it is. */
export function scrollSpeed(wordsPerMinute: number, words: number, heightPx: number): number {
  if (words <= 0 || heightPx <= 0) return 0;
  const secondsToRead = (words * 60) / Math.max(1, wordsPerMinute);
  return heightPx / secondsToRead;
}

/** The segment after a step of `step`, kept within the script. */
export function stepSegment(index: number, step: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, index + step));
}

/** "1:05": a length in minutes and seconds (whole seconds, never negative). */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** "1:05 / 0:45": elapsed over planned, with a sign of running over. */
export function timerText(elapsedSeconds: number, plannedSeconds: number): { text: string; over: boolean } {
  return { text: `${clock(elapsedSeconds)} / ${clock(plannedSeconds)}`, over: elapsedSeconds > plannedSeconds };
}

/** The words of a spoken line, counted as the core counts them. */
export function spokenWords(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== "").length;
}

export const FONT_SIZES = { min: 28, max: 96, step: 4 } as const;
export const PACES = { min: 60, max: 400, step: 10 } as const;

/** A setting moved by one step within its bounds. */
export function nudge(value: number, direction: 1 | -1, bounds: { min: number; max: number; step: number }): number {
  return Math.min(bounds.max, Math.max(bounds.min, value + direction * bounds.step));
}
