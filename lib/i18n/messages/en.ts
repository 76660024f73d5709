/**
 * The reader's chrome in English: every label of the reader's pages (front page, outlet pages, a published check
 * and its evidence, coverage, the about page, embeds, not-found and error pages). `{name}`
 * is replaced by a value; a plural is one text per plural category of the language (Intl.PluralRules).
 */
/** A plural message: a text per plural category; `other` is required, the rest as the language has them. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Marks a message as plural, so that another language may give the categories English lacks. */
const plural = (message: PluralMessage): PluralMessage => message;

export const en = {
  skipToContent: "Skip to content",
  languages: "Languages",
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
  check: {
    kicker: "Fact check · {organisation}",
    meta: "Version {number} · published {date} · {claims} checked against {sources}",
    claimCount: plural({ one: "{count} claim", other: "{count} claims" }),
    sourceCount: plural({ one: "{count} source", other: "{count} sources" }),
    correction: "Correction:",
    newerVersion: "A newer version of this check exists.",
    readVersion: "Read version {number}",
    laterVersion: "Version {number} ({date}):",
    noNote: "no note",
    summary: "Summary",
    summaryHint: "Select or tab to a highlighted claim to see its evidence.",
    claimLinkHint: "(claim {number}, {verdict}: show the evidence)",
    claimsAndEvidence: "Claims and evidence",
    backToSummary: "Back to the summary",
    permalink: "Permalink",
    popoverTitle: "Claim {number}: evidence",
    close: "Close",
    popoverPermalink: "Permalink to this claim",
  },
  evidence: {
    verdict: { supported: "Supported", partly_supported: "Partly supported", unsupported: "Unsupported" },
    stance: { supports: "Supports", contradicts: "Contradicts", context: "Context" },
    bias: {
      left: "Left",
      leans_left: "Leans left",
      center: "Center",
      leans_right: "Leans right",
      right: "Right",
      unknown: "Bias unknown",
    },
    supportingOutlets: plural({ one: "{count} supporting outlet", other: "{count} supporting outlets" }),
    singleSource: "single source",
    reviewedBy: "reviewed by {name}",
    outletNotStated: "Outlet not stated",
    beforePublication: "{age} before publication",
    readSource: "Read the source",
  },
  coverage: {
    title: "Coverage",
    intro: "Bias of the outlets supporting this check, from left to right:",
    noSupport: "No supporting outlets",
    caption: "Outlets cited and the claims each supports",
    outlet: "Outlet",
    bias: "Bias",
    claimsSupported: "Claims supported",
  },
  embed: {
    removed: "This claim was checked in version {number}; a later correction removed it.",
    from: "From {title}, version {number}, published {date}.",
  },
  about: {
    title: "How our fact checks work",
    evidence:
      "Every highlighted claim in a fact check links to the passages of the source articles that support it, quoted word for word with the text around them, and to the outlet, its bias and reliability labels and the date.",
    review:
      "Claims are marked and evidenced by editors and approved by a reviewer who did not mark them. A published check is never changed: a correction is a new version, with a note of what changed, and earlier versions stay readable.",
  },
  notFound: {
    title: "Not found",
    text: "There is nothing at this address: the story may not be published yet, or the link is wrong.",
    home: "Go to the start page",
  },
  error: {
    title: "Something went wrong",
    text: "This page could not be shown. Try again; if it keeps failing, tell an administrator.",
    retry: "Try again",
  },
};

/** The shape every locale's messages have: English's. */
export type Messages = typeof en;
