/** The site's name and description, as every page's head gives them (app/layout.tsx, server/reader/reader-document.tsx). */
export const SITE_NAME = "Corroborate";
export const SITE_DESCRIPTION = "Fact-checked stories with every claim's evidence one click away.";

/** A page's title as the browser tab shows it: the page's own, then the site's. */
export const TITLE_TEMPLATE = `%s · ${SITE_NAME}`;
