import * as Y from "yjs";

/**
 * How deep the tests nest shared types: about 240 KB as one update, and far past the depth at which a recursive
 * reader (Yjs's toJSON, a recursive walk of the summary) overflows Node's stack.
 */
export const HOSTILE_DEPTH = 20_000;

/** Sets `key` of `parent` to a chain of `depth` Y.Maps, each the only value of the one above (a raw client can). */
export function nestMaps(parent: Y.Map<unknown>, key: string, depth = HOSTILE_DEPTH): void {
  transact(parent, () => {
    let outer = parent;
    let name = key;
    for (let level = 0; level < depth; level += 1) {
      const inner = new Y.Map<unknown>();
      outer.set(name, inner);
      outer = inner;
      name = "next";
    }
  });
}

/** Appends to `parent` a chain of `depth` Y.XmlElements, each the only child of the one above, the last with `text`. */
export function nestElements(parent: Y.XmlFragment, depth: number, text = "Words nested too deep to be read."): void {
  transact(parent, () => {
    let outer: Y.XmlFragment = parent;
    for (let level = 0; level < depth; level += 1) {
      const inner = new Y.XmlElement(level === depth - 1 ? "paragraph" : "blockquote");
      outer.insert(outer.length, [inner]);
      outer = inner;
    }
    outer.insert(0, [new Y.XmlText(text)]);
  });
}

/** Appends a chain of `depth` Y.Maps to `array`: a shared type where only JSON belongs. */
export function pushNestedMap(array: Y.Array<unknown>, depth = HOSTILE_DEPTH): void {
  transact(array, () => {
    const holder = new Y.Map<unknown>();
    array.push([holder]);
    nestMaps(holder, "next", depth - 1);
  });
}

function transact(type: { doc: Y.Doc | null }, write: () => void): void {
  if (!type.doc) throw new Error("nest shared types only inside a document");
  type.doc.transact(write);
}
