// Where an autosaving editor stands, and how to say it: "Đã lưu" only once the core
// has confirmed the write.
import { t } from "./i18n.svelte";

export type SaveState =
  | { kind: "saved" }
  | { kind: "editing" }
  | { kind: "saving" }
  /** The core refused a field; the message is next to it. */
  | { kind: "invalid" }
  /** The save failed for another reason (disk full, catalog damaged). */
  | { kind: "failed"; message: string };

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return t("desktop-saved");
    case "editing":
      return t("desktop-editing");
    case "saving":
      return t("desktop-saving");
    case "invalid":
      return t("desktop-not-saved-invalid");
    case "failed":
      return t("desktop-not-saved-failed", { reason: state.message });
  }
}
