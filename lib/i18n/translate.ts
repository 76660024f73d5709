import { LOCALE_DIRECTION, type Locale } from "./locales";
import { ar } from "./messages/ar";
import { en, type Messages, type PluralMessage } from "./messages/en";

export type { Messages, PluralMessage };

const MESSAGES: Record<Locale, Messages> = { en, ar };

/** What the reader's components need to speak a locale: its messages, its direction, and formatters. */
export interface Translator {
  locale: Locale;
  dir: "ltr" | "rtl";
  messages: Messages;
  /** A message with `{name}` replaced by the values (missing ones left as written). */
  format(message: string, values?: Record<string, string | number>): string;
  /** The plural form for `count` (also available as `{count}`), with the values replaced. */
  plural(message: PluralMessage, count: number, values?: Record<string, string | number>): string;
  /** A date as the locale writes it, in UTC (a publication's day does not move with the reader's zone). */
  date(date: Date): string;
}

/**
 * The translator of a locale.
 *
 * @example translator("ar").plural(translator("ar").messages.checkList.claims, 2) // "ادعاءان:"
 */
export function translator(locale: Locale): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "long", timeZone: "UTC" });
  const format = (message: string, values: Record<string, string | number> = {}) =>
    message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  return {
    locale,
    dir: LOCALE_DIRECTION[locale],
    messages: MESSAGES[locale],
    format,
    plural: (message, count, values = {}) =>
      format(message[rules.select(count)] ?? message.other, { ...values, count }),
    date: (date) => dates.format(date),
  };
}
