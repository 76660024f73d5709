"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { mentionQueryAt } from "@/lib/mentions/mention-tokens";

/** A person of the newsroom a comment may mention. */
export interface MentionablePerson {
  id: string;
  name: string;
}

const MAX_OPTIONS = 6;

/** Lower case without accents, so that "rosa diaz" finds "Rosa Díaz". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The people whose name has a word starting with the query, best first (the whole name's start). */
function matching(people: readonly MentionablePerson[], query: string): MentionablePerson[] {
  const q = fold(query.trim());
  const scored = people
    .map((person) => {
      const name = fold(person.name);
      const rank = name.startsWith(q) ? 0 : name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
      return { person, rank };
    })
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name));
  return scored.slice(0, MAX_OPTIONS).map(({ person }) => person);
}

/**
 * The comment box of a claim's thread: a textarea where typing "@" offers the newsroom's people in a list under
 * it (ARIA: the textarea owns the listbox through aria-controls and aria-activedescendant). Up and down move, Enter
 * or Tab picks, Escape closes; a click picks too. A pick writes "@Name " and reports the person, so that the
 * thread can store the mention by id.
 */
export function MentionTextarea({
  id,
  value,
  onChange,
  onPick,
  people,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onPick: (person: MentionablePerson) => void;
  people: readonly MentionablePerson[];
  placeholder: string;
}) {
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = query ? matching(people, query.query) : [];
  const open = options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  function update(text: string, caret: number) {
    onChange(text);
    const next = mentionQueryAt(text, caret);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  }

  function pick(person: MentionablePerson) {
    if (!query) return;
    const caret = textarea.current?.selectionStart ?? value.length;
    const inserted = `@${person.name} `;
    const text = value.slice(0, query.start) + inserted + value.slice(caret);
    onChange(text);
    onPick(person);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(options[activeIndex]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
    }
  }

  return (
    <div className="relative min-w-0 flex-1">
      <textarea
        ref={textarea}
        id={id}
        value={value}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        onKeyDown={onKeyDown}
        onClick={(event) => update(value, event.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
        rows={2}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        aria-describedby={`${listId}-hint`}
        className="w-full rounded border border-stone-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
      />
      <span id={`${listId}-hint`} className="sr-only">
        Type @ to mention someone.
      </span>
      <span className="sr-only" aria-live="polite">
        {open
          ? `${options.length} ${options.length === 1 ? "person matches" : "people match"}: up and down to choose, Enter to pick.`
          : ""}
      </span>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="absolute left-0 top-full z-20 mt-1 w-64 overflow-hidden rounded border border-stone-300 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // mousedown, not click: the textarea would lose its focus (and close the list) before a click.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
              onMouseEnter={() => setActive(index)}
              className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? "bg-blue-700 text-white" : "text-stone-800"}`}
            >
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
