// Photo addresses and the arithmetic of reordering the photo strip.
import type { Fit } from "./ipc";

/**
 * The address of a stored photo's square thumbnail, padded or cropped (served by
 * src-tauri/src/photo_protocol.rs). Windows' web view reaches custom schemes as
 * http://<scheme>.localhost; the others as <scheme>://localhost.
 */
export function thumbnailUrl(sha256: string, fit: Fit, windows = navigator.userAgent.includes("Windows")): string {
  const base = windows ? "http://photo.localhost" : "photo://localhost";
  return `${base}/thumb/${fit}/${sha256}.jpg`;
}

/**
 * Where a dragged photo lands: its position once taken out of the strip, given the
 * horizontal centres of the other photos (in order) and the pointer's x.
 */
export function dropPosition(otherCentres: number[], x: number): number {
  return otherCentres.filter((centre) => centre < x).length;
}

/** The position a keyboard move asks for, or null at either end. */
export function steppedPosition(position: number, step: -1 | 1, count: number): number | null {
  const next = position + step;
  return next < 0 || next >= count ? null : next;
}
