import "server-only";
import { createRequire } from "node:module";
import { join } from "node:path";
import { cloneElement, createElement, Fragment, type ReactElement, type ReactNode } from "react";

type RenderToStaticMarkup = (element: ReactNode) => string;

/**
 * React's own renderToStaticMarkup (react-dom/server), loaded by Node at run time. Next's server-component
 * bundle resolves react-dom/server to a module that only throws, so the name is not one the bundler sees;
 * Node finds the installed react-dom, the same version as the app's React.
 */
const renderToStaticMarkup = (
  createRequire(join(process.cwd(), "package.json"))(["react-dom", "server"].join("/")) as {
    renderToStaticMarkup: RenderToStaticMarkup;
  }
).renderToStaticMarkup;

/**
 * `element` with its children rendered now, by React, to static HTML (React escapes every text and attribute and
 * refuses javascript: links as it does on any page), set as the element's inner HTML. For the parts of a server
 * component that never change for a published version: sent as one string, they cost a fraction of the same
 * tree rendered, serialised into the RSC payload and rendered again on every request (bench/RESULTS.md, issue
 * 17). The children must be server components without state: a client component among them throws.
 *
 * @example withStaticChildren(<ol className="space-y-6">{claims.map(…)}</ol>)
 *   // <ol className="space-y-6" dangerouslySetInnerHTML={{ __html: "<li …>…</li>" }} />
 */
export function withStaticChildren(element: ReactElement): ReactElement {
  const { children } = element.props as { children?: ReactNode };
  return cloneElement(element as ReactElement<{ dangerouslySetInnerHTML?: { __html: string }; children?: ReactNode }>, {
    children: undefined,
    dangerouslySetInnerHTML: { __html: renderToStaticMarkup(createElement(Fragment, null, children)) },
  });
}
