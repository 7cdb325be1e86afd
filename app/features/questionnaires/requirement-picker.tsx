import { useId, useMemo, useRef, useState } from "react";
import { useT } from "#app/i18n/react";

export interface PickableRequirement {
  id: string;
  title: string;
  category: string;
}

/**
 * Requirements whose id, title or category hold every word typed: those
 * whose id matches first, then those where every word starts a word, then
 * the rest, each in catalogue order.
 */
export function filterRequirements<R extends PickableRequirement>(requirements: readonly R[], query: string): R[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...requirements];
  const ranked: { r: R; rank: number; index: number }[] = [];
  requirements.forEach((r, index) => {
    const id = r.id.toLowerCase();
    const text = `${id} ${r.title} ${r.category.replace(/-/g, " ")}`.toLowerCase();
    if (!terms.every((t) => text.includes(t))) return;
    const wordStarts = ` ${text.replace(/[^a-z0-9]+/g, " ")}`;
    const rank = terms.every((t) => id.includes(t))
      ? 0
      : terms.every((t) => wordStarts.includes(` ${t.replace(/[^a-z0-9]+/g, " ").trim()}`))
        ? 1
        : 2;
    ranked.push({ r, rank, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((x) => x.r);
}

/**
 * A search-as-you-type requirement chooser (the ARIA combobox pattern):
 * type part of an id or title, move with the arrow keys, Enter picks,
 * Escape closes. Requirements in `exclude` are not offered.
 */
export function RequirementPicker({
  requirements,
  exclude = [],
  label,
  placeholder,
  onPick,
}: {
  requirements: readonly PickableRequirement[];
  exclude?: readonly string[];
  /** the accessible name, e.g. "Add a requirement to: <question>" */
  label: string;
  placeholder?: string;
  onPick: (id: string) => void;
}) {
  const t = useT();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(
    () => filterRequirements(requirements, query).filter((r) => !exclude.includes(r.id)),
    [requirements, query, exclude],
  );
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;

  const pick = (id: string) => {
    onPick(id);
    setQuery("");
    setActive(0);
    setOpen(false);
  };

  return (
    <div className="req-picker">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={current ? `${baseId}-${current.id}` : undefined}
        placeholder={placeholder ?? t("questionnaires.picker.placeholder")}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          if (query) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          switch (e.key) {
            case "ArrowDown":
              e.preventDefault();
              if (!open) setOpen(true);
              else setActive((a) => Math.min(a + 1, options.length - 1));
              break;
            case "ArrowUp":
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
              break;
            case "Enter":
              // never submits the publish form from here
              e.preventDefault();
              if (current) pick(current.id);
              break;
            case "Escape":
              if (open) {
                e.preventDefault();
                setOpen(false);
              } else setQuery("");
              break;
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="req-options" hidden={!open}>
        {open && options.length === 0 ? (
          <li className="muted" role="presentation">
            {t("questionnaires.picker.noMatch", { query })}
          </li>
        ) : null}
        {open
          ? options.map((r) => (
              <li
                key={r.id}
                id={`${baseId}-${r.id}`}
                role="option"
                aria-selected={current?.id === r.id}
                className={current?.id === r.id ? "active" : undefined}
                // mousedown, not click: the input keeps focus and its blur does not close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(r.id);
                }}
              >
                <code>{r.id}</code> {r.title}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
