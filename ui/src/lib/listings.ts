// The Listings tab's arithmetic: live counters as the platforms count, and where each
// finding's "Sửa" link takes the user.
import type { FixField, Platform } from "./ipc";

/** Characters as the platforms (and the core) count them: Unicode scalar values. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Words: runs of letters or digits, as the core counts them for "at least 30 words". */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu)?.length ?? 0;
}

/** How a counter reads against its limits: within, short, or over. */
export type Gauge = "ok" | "short" | "over";

export function gauge(count: number, min: number, max: number): Gauge {
  if (count > max) return "over";
  if (count < min) return "short";
  return "ok";
}

/** Where a finding is fixed: a tab of the product editor and the element to focus. */
export interface FixTarget {
  tab: "product" | "listings";
  element: string;
}

const PRODUCT_FIELDS: Record<Exclude<FixField, "title" | "description" | "category" | "alcohol_percent" | "proofs">, string> =
  {
    variants: "section-variants",
    package: "field-weight",
    photos: "section-photos",
    certificate: "section-certificate",
    net_quantity: "field-net-amount",
    shelf_life: "field-shelf-life",
    origin: "field-origin",
    ingredients: "field-ingredients",
    storage: "field-storage",
    usage: "field-usage",
    cooperative: "field-cooperative",
    barcode: "field-barcode",
  };

export function fixTarget(field: FixField, platform: Platform): FixTarget {
  switch (field) {
    case "title":
    case "description":
    case "category":
      return { tab: "listings", element: `listing-${platform}-${field}` };
    case "alcohol_percent":
      return { tab: "listings", element: `listing-${platform}-alcohol_percent` };
    case "proofs":
      return { tab: "listings", element: "section-proofs" };
    default:
      return { tab: "product", element: PRODUCT_FIELDS[field] };
  }
}

/** Focuses the element with `id`, or the first thing inside it that takes focus. */
export function focusElement(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const focusable = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea, button");
  element.scrollIntoView({ block: "center" });
  (focusable ?? element).focus();
  return true;
}
