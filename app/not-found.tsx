import { NotFoundView } from "@/components/ui/not-found-view";
import { translator } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n/request-locale";

/**
 * The page for an address that leads nowhere (an unknown outlet, a page that does not exist), in the language of the
 * address (`/ar/outlets/unknown` in Arabic). The app's own, in its styles: Next's built-in one
 * brings an inline <style> the pages' CSP refuses. A published check's address (an unknown or unpublished story,
 * a version that does not exist) has a document of its own with the same view (server/reader/reader-document.tsx).
 */
export default async function NotFound() {
  return <NotFoundView t={translator((await requestLocale()).locale)} />;
}
