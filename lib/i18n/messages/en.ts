/**
 * The reader's chrome in English: every label of the front page, the outlet pages and the reader header. `{name}`
 * is replaced by a value; a plural is one text per plural category of the language (Intl.PluralRules).
 */
/** A plural message: a text per plural category; `other` is required, the rest as the language has them. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Marks a message as plural, so that another language may give the categories English lacks. */
const plural = (message: PluralMessage): PluralMessage => message;

export const en = {
  skipToContent: "Skip to content",
  frontPage: {
    title: "Latest fact checks",
    searchLabel: "Search the checks",
    searchButton: "Search",
    matches: plural({ one: "{count} check matches “{q}”.", other: "{count} checks match “{q}”." }),
    showAll: "Show all checks",
    noMatch: "No published check matches this search.",
    noChecks: "No fact check has been published yet.",
  },
  checkList: {
    published: "Published {date}",
    corrected: "Corrected · version {number}",
    claims: plural({ one: "{count} claim:", other: "{count} claims:" }),
    supported: "{count} supported",
    partly_supported: "{count} partly supported",
    unsupported: "{count} unsupported",
    quotes: "Quotes",
    listSeparator: ", ",
    pages: "Pages",
    newer: "← Newer checks",
    older: "Older checks →",
    pageOf: "Page {page} of {pages}",
  },
  outletPage: {
    title: "Checks quoting {outlet}",
    intro: plural({
      one: "{count} published check quotes {outlet}, the newest first.",
      other: "{count} published checks quote {outlet}, the newest first.",
    }),
  },
};

/** The shape every locale's messages have: English's. */
export type Messages = typeof en;
