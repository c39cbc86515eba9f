import { useEffect, useId, useRef, useState } from "react";
import { Form, useLocation, useNavigate } from "react-router";
import type { Suggestion } from "../../server/search/service.ts";
import { useT } from "../i18n/index.ts";
import { Highlighted, TypeBadge } from "./highlighted.tsx";

const DEBOUNCE_MS = 200;

/**
 * The header search box. Without JavaScript it is a plain GET form to /search; once hydrated it
 * becomes an ARIA 1.2 combobox suggesting results as the user types (debounced fetch of
 * /search/suggest), with arrow keys, Enter, Escape and a polite live region.
 */
export function SearchBox({ className }: { className?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const inputId = `${id}-q`;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [hydrated, setHydrated] = useState(false);
  const [value, setValue] = useState("");
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);

  useEffect(() => {
    setHydrated(true);
    return () => {
      clearTimeout(timer.current);
      inflight.current?.abort();
    };
  }, []);

  // A new page: the box starts empty and closed.
  useEffect(() => {
    clearTimeout(timer.current);
    inflight.current?.abort();
    setValue("");
    setItems([]);
    setOpen(false);
    setActive(-1);
    setAnnouncement("");
  }, [location.key]);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function requestSuggestions(text: string) {
    clearTimeout(timer.current);
    inflight.current?.abort();
    if (text.trim() === "") {
      setItems([]);
      close();
      setAnnouncement("");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inflight.current = controller;
      try {
        const response = await fetch(`/search/suggest?q=${encodeURIComponent(text)}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`suggest answered ${response.status}`);
        const body = (await response.json()) as { suggestions?: Suggestion[] };
        if (controller.signal.aborted) return;
        const found = Array.isArray(body.suggestions) ? body.suggestions : [];
        setItems(found);
        setActive(-1);
        setOpen(found.length > 0);
        setAnnouncement(found.length > 0 ? t("search.box.count", { count: found.length }) : t("search.box.none"));
      } catch {
        // Aborted by a newer keystroke, or the network failed: the plain form still works.
        if (controller.signal.aborted) return;
        setItems([]);
        close();
      }
    }, DEBOUNCE_MS);
  }

  function openSuggestion(suggestion: Suggestion) {
    close();
    navigate(suggestion.url);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return; // choosing characters in a Chinese input method
    const count = items.length;
    switch (event.key) {
      case "ArrowDown":
        if (count === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((active + 1) % count);
        break;
      case "ArrowUp":
        if (count === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(count - 1);
        } else setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case "Enter": {
        const chosen = open && active >= 0 ? items[active] : undefined;
        if (chosen) {
          event.preventDefault();
          openSuggestion(chosen);
        } else close(); // the form submits to /search
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
    }
  }

  const expanded = hydrated && open && items.length > 0;
  const comboboxProps = hydrated
    ? {
        role: "combobox",
        "aria-expanded": expanded,
        "aria-controls": listId,
        "aria-autocomplete": "list" as const,
        "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
      }
    : {};

  return (
    <div className={`search-box${className ? ` ${className}` : ""}`}>
      <Form method="get" action="/search" role="search" aria-label={t("search.box.label")} onSubmit={close}>
        <label htmlFor={inputId} className="visually-hidden">
          {t("search.box.label")}
        </label>
        <input
          id={inputId}
          name="q"
          type="search"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            requestSuggestions(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => {
            if (items.length > 0 && value.trim() !== "") setOpen(true);
          }}
          onBlur={close}
          placeholder={t("search.box.placeholder")}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          {...comboboxProps}
        />
        <button type="submit" className="search-box-submit">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
            <path d="m15.5 15.5 5 5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
          </svg>
          <span className="visually-hidden">{t("search.box.submit")}</span>
        </button>
      </Form>
      {hydrated ? (
        <>
          <ul id={listId} role="listbox" aria-label={t("search.box.suggestions")} className="suggest-list" hidden={!expanded}>
            {items.map((suggestion, index) => (
              <li
                key={suggestion.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? "active" : undefined}
                // Keep the focus in the input, so that a tap does not close the list before the click.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => openSuggestion(suggestion)}
                onMouseMove={() => {
                  if (index !== active) setActive(index);
                }}
              >
                <TypeBadge type={suggestion.type} />
                <span className="suggest-title">
                  <Highlighted segments={suggestion.title} />
                </span>
              </li>
            ))}
          </ul>
          {/* A polite live region (not role="status": the page may have its own status messages). */}
          <div aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="search-box-announcement">
            {announcement}
          </div>
        </>
      ) : null}
    </div>
  );
}
