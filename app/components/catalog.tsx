// The parts every catalog page (/courses, /books, /jobs) is made of: a plain GET filter form whose
// URL holds every filter (so a search can be shared and the page works without JavaScript), the
// service's notices about dropped filters, and the results with their empty state and paging.
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { DocumentTitle } from "./form-field.tsx";
import { Pagination } from "./pagination.tsx";
import { translateKey, useT } from "../i18n/index.ts";

type QueryValue = string | number | null | undefined;

/**
 * `path` with the query's values in `keys` order, changed by `change` (null removes a parameter).
 * The page number is dropped unless `change` sets it (a new filter starts on page 1), and
 * "newest", the default order, is left out of the URL.
 */
export function catalogHref<K extends string>(
  path: string,
  keys: readonly K[],
  query: Partial<Record<K, QueryValue>>,
  change: Partial<Record<K | "page", QueryValue>> = {},
): string {
  const merged: Record<string, QueryValue> = { ...query, page: null, ...change };
  const params = new URLSearchParams();
  for (const key of [...keys.filter((key) => key !== "page"), "page"]) {
    const value = merged[key];
    if (value !== null && value !== undefined && value !== "" && !(key === "sort" && value === "newest")) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The query text as the form shows it: control characters (e.g. %00) would differ between the server's HTML and hydration. */
export const displayQuery = (q: string) => q.replace(/[\u0000-\u001F\u007F]/g, " ");

export function CatalogHead({ title, intro, link }: { title: string; intro: string; link?: { to: string; label: string } | null }) {
  return (
    <>
      <DocumentTitle title={title} />
      <div className="catalog-head">
        <h1>{title}</h1>
        {link ? (
          <Link to={link.to} className="button secondary small">
            {link.label}
          </Link>
        ) : null}
      </div>
      <p className="muted">{intro}</p>
    </>
  );
}

/**
 * The filter form. `resetKey` (the current URL) resets the fields' defaults when the URL changes
 * through a link (paging, clearing). `clearTo` is the page without filters, or null when none is set.
 */
export function CatalogFilters(props: {
  action: string;
  label: string;
  resetKey: string;
  submitLabel: string;
  clearLabel: string;
  clearTo: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="get" action={props.action} className={`catalog-filters${props.className ? ` ${props.className}` : ""}`} aria-label={props.label} key={props.resetKey}>
      {props.children}
      <div className="catalog-submit">
        <button type="submit">{props.submitLabel}</button>
        {props.clearTo ? <Link to={props.clearTo}>{props.clearLabel}</Link> : null}
      </div>
    </Form>
  );
}

export function QueryField({ id, label, placeholder, value }: { id: string; label: string; placeholder: string; value: string }) {
  return (
    <div className="field catalog-q">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="q" type="search" defaultValue={value} placeholder={placeholder} maxLength={100} />
    </div>
  );
}

/** A select of one filter; `allLabel` adds the "any" choice (the sort has none). */
export function FilterSelect(props: { id: string; name: string; label: string; value: string | number | null; allLabel?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""}>
        {props.allLabel !== undefined ? <option value="">{props.allLabel}</option> : null}
        {props.children}
      </select>
    </div>
  );
}

/** Always rendered, so that notices appearing after a client-side navigation are announced. */
export function CatalogNotices({ label, notices }: { label: string; notices: readonly string[] }) {
  const t = useT();
  return (
    <div role="status" aria-label={label} className="search-notices">
      {notices.length > 0 ? (
        <ul>
          {notices.map((notice) => (
            <li key={notice} data-notice={notice}>
              {translateKey(t, notice)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The results: a heading with the total, the items (or the empty state), and paging links. */
export function CatalogResults<T>(props: {
  id: string;
  title: string;
  totalText: string | null;
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  listClassName: string;
  empty: { testId: string; text: string; clearTo: string | null; clearLabel: string };
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <section aria-labelledby={props.id}>
      <div className="results-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.totalText ? <p className="muted">{props.totalText}</p> : null}
      </div>
      {props.items.length === 0 ? (
        <div className="no-results" data-testid={props.empty.testId}>
          <p className="no-results-title">{props.empty.text}</p>
          {props.empty.clearTo ? (
            <p>
              <Link to={props.empty.clearTo}>{props.empty.clearLabel}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ul className={props.listClassName}>
          {props.items.map((item) => (
            <li key={props.itemKey(item)}>{props.renderItem(item)}</li>
          ))}
        </ul>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} className="catalog-pagination" />
    </section>
  );
}
