import { Mark, mergeAttributes } from "@tiptap/core";
import { CLAIM_MARK } from "@/lib/anchoring/claim-spans";

/** The DOM event the editor dispatches when the "mark as claim" shortcut is pressed. */
export const MARK_CLAIM_EVENT = "corroborate:mark-claim";

/**
 * The claim mark of the summary editor (see lib/anchoring/claim-spans.ts): not inclusive, so typing at
 * either edge of a claim stays outside it; overlapping (excludes nothing), so claims may nest. Rendered as
 * a span with the claim's id; the workspace colours it by status. Ctrl+Alt+C (⌘⌥C) asks to mark the
 * selection as a claim by dispatching MARK_CLAIM_EVENT on the editor's element.
 */
export const ClaimMark = Mark.create({
  name: CLAIM_MARK,
  inclusive: false,
  excludes: "",

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-claim-id"),
        renderHTML: (attributes: { id?: string | null }) => (attributes.id ? { "data-claim-id": attributes.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-claim-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { class: "claim-highlight" }), 0];
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Alt-c": () => {
        this.editor.view.dom.dispatchEvent(new CustomEvent(MARK_CLAIM_EVENT, { bubbles: true }));
        return true;
      },
    };
  },
});
