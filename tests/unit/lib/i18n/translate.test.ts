import { describe, expect, it } from "vitest";
import { isTranslatedPath, localeOfPath, localePath } from "@/lib/i18n/locales";
import { ar } from "@/lib/i18n/messages/ar";
import { en } from "@/lib/i18n/messages/en";
import { translator } from "@/lib/i18n/translate";

describe("locales in addresses", () => {
  it("reads the locale from a translated page's prefix, English without one", () => {
    expect(localeOfPath("/")).toEqual({ locale: "en", path: "/" });
    expect(localeOfPath("/outlets/NBC%20News")).toEqual({ locale: "en", path: "/outlets/NBC%20News" });
    expect(localeOfPath("/ar")).toEqual({ locale: "ar", path: "/" });
    expect(localeOfPath("/ar/outlets/NBC%20News")).toEqual({ locale: "ar", path: "/outlets/NBC%20News" });
    expect(localeOfPath("/stories/cia-videos")).toEqual({ locale: "en", path: "/stories/cia-videos" });
    expect(localeOfPath("/ar/stories/cia-videos/v/2")).toEqual({ locale: "ar", path: "/stories/cia-videos/v/2" });
    expect(localeOfPath("/ar/embed/claims/c1")).toEqual({ locale: "ar", path: "/embed/claims/c1" });
    expect(localeOfPath("/api/v1/stories")).toEqual({ locale: "en", path: "/api/v1/stories" });
  });

  it("has no prefixed address for the newsroom or untranslated pages", () => {
    expect(localeOfPath("/ar/signin")).toBeNull();
    expect(localeOfPath("/ar/stories/x/edit")).toBeNull();
    expect(localeOfPath("/ar/admin/users")).toBeNull();
    expect(localeOfPath("/ar/stories/new")).toBeNull();
    expect(localeOfPath("/ar/stories/x/versions")).toBeNull();
    expect(localeOfPath("/ar/stories/x/v/1/og.png")).toBeNull();
    expect(isTranslatedPath("/api/oembed")).toBe(false);
  });

  it("writes a translated page's address in a locale", () => {
    expect(localePath("ar", "/")).toBe("/ar");
    expect(localePath("ar", "/?q=grit&page=2")).toBe("/ar?q=grit&page=2");
    expect(localePath("ar", "/outlets/NBC%20News?page=2")).toBe("/ar/outlets/NBC%20News?page=2");
    expect(localePath("en", "/outlets/NBC%20News")).toBe("/outlets/NBC%20News");
    expect(localePath("ar", "/stories/cia-videos")).toBe("/ar/stories/cia-videos");
    expect(localePath("ar", "/stories/cia-videos/v/2")).toBe("/ar/stories/cia-videos/v/2");
    expect(localePath("ar", "/embed/claims/c1")).toBe("/ar/embed/claims/c1");
    expect(localePath("ar", "/about")).toBe("/ar/about");
    expect(localePath("ar", "/stories/new")).toBe("/stories/new");
  });
});

describe("translator", () => {
  it("fills values and picks each language's plural forms", () => {
    const english = translator("en");
    expect(english.dir).toBe("ltr");
    expect(english.plural(en.checkList.claims, 1)).toBe("1 claim:");
    expect(english.plural(en.frontPage.matches, 12, { q: "CIA" })).toBe("12 checks match “CIA”.");
    expect(english.format(en.checkList.pageOf, { page: 1, pages: 2 })).toBe("Page 1 of 2");
    const arabic = translator("ar");
    expect(arabic.dir).toBe("rtl");
    expect(arabic.plural(ar.checkList.claims, 2)).toBe("ادعاءان:");
    expect(arabic.plural(ar.checkList.claims, 3)).toBe(`${new Intl.NumberFormat("ar").format(3)} ادعاءات:`);
    expect(arabic.plural(ar.checkList.claims, 11)).toBe(`${new Intl.NumberFormat("ar").format(11)} ادعاءً:`);
    expect(arabic.date(new Date("2025-05-02T12:00:00Z"))).toContain("مايو");
  });

  it("has every English message in Arabic, none empty", () => {
    const keys = (messages: object, prefix = ""): string[] =>
      Object.entries(messages).flatMap(([key, value]) =>
        typeof value === "string" ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
      );
    const arabicKeys = new Set(keys(ar));
    for (const key of keys(en).filter((key) => !/\.(one|other)$/.test(key))) expect(arabicKeys, key).toContain(key);
    const texts = (messages: object): string[] =>
      Object.values(messages).flatMap((value) => (typeof value === "string" ? [value] : texts(value as object)));
    expect(texts(ar).filter((text) => text.trim() === "")).toEqual([]);
  });
});
