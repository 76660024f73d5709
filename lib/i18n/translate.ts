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
  /**
   * A message cut at one placeholder, the rest filled: the text before and after `{name}`, for a component that
   * puts an element (a link, a published name) there. A message without it gives everything before.
   */
  around(message: string, name: string, values?: Record<string, string | number>): [string, string];
  /** The plural form for `count` (also available as `{count}`), with the values replaced. */
  plural(message: PluralMessage, count: number, values?: Record<string, string | number>): string;
  /**
   * A date as the locale writes it, in UTC (a publication's day does not move with the reader's zone): long
   * ("2 May 2025") or medium ("2 May 2025" / "2 مايو 2025" with a short month where the language has one).
   */
  date(date: Date, style?: "long" | "medium"): string;
}

/**
 * The translator of a locale.
 *
 * @example translator("ar").plural(translator("ar").messages.checkList.claims, 2) // "ادعاءان:"
 */
export function translator(locale: Locale): Translator {
  let made = TRANSLATORS.get(locale);
  if (!made) TRANSLATORS.set(locale, (made = makeTranslator(locale)));
  return made;
}

/** One translator per locale for the process: its Intl formatters are costly to build on every request. */
const TRANSLATORS = new Map<Locale, Translator>();

function makeTranslator(locale: Locale): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const dateLocale = locale === "en" ? "en-GB" : locale;
  const dates = {
    long: new Intl.DateTimeFormat(dateLocale, { dateStyle: "long", timeZone: "UTC" }),
    medium: new Intl.DateTimeFormat(dateLocale, { dateStyle: "medium", timeZone: "UTC" }),
  };
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
    around: (message, name, values) => {
      const [before = "", after = ""] = message.split(`{${name}}`, 2);
      return [format(before, values), format(after, values)];
    },
    plural: (message, count, values = {}) =>
      format(message[rules.select(count)] ?? message.other, { ...values, count }),
    date: (date, style = "long") => dates[style].format(date),
  };
}
