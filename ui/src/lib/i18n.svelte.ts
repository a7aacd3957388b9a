// Messages for the UI from the same Fluent files as the Rust core (../locales), bundled at
// build time. Vietnamese is the default; switching language re-renders every text at once.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Lang } from "./ipc/bindings";

const sources = import.meta.glob("../../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Builds the bundle of one language from every .ftl file of its folder. */
export function buildBundle(lang: Lang, files: Record<string, string> = sources): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const [path, text] of Object.entries(files)) {
    if (!path.includes(`/locales/${lang}/`)) continue;
    const errors = bundle.addResource(new FluentResource(text));
    for (const error of errors) console.error(`${path}: ${error.message}`);
  }
  return bundle;
}

const bundles: Record<Lang, FluentBundle> = { vi: buildBundle("vi"), en: buildBundle("en") };

class Translator {
  lang = $state<Lang>("vi");

  /** The message `id`, formatted with `args`; the ID itself if it does not exist. */
  t(id: string, args?: Record<string, FluentVariable>): string {
    const bundle = bundles[this.lang];
    const message = bundle.getMessage(id);
    if (!message?.value) return id;
    return bundle.formatPattern(message.value, args);
  }
}

export const i18n = new Translator();

/** Shorthand used by every component: `t("desktop-nav-catalog")`. */
export const t = (id: string, args?: Record<string, FluentVariable>): string => i18n.t(id, args);
