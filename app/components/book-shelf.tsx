// The shelf buttons of a book page: one plain POST form (intent=shelf) whose buttons each send a
// status, so it works without JavaScript. The current status is marked with aria-pressed.
import { Form } from "react-router";
import { SHELF_STATUSES, type ShelfStatus } from "../../server/books/types.ts";
import { useT, type MessageKey } from "../i18n/index.ts";

export function BookShelfButtons({ current, error }: { current: ShelfStatus | null; error?: string }) {
  const t = useT();
  return (
    <Form method="post" className="book-shelf" preventScrollReset aria-labelledby="book-shelf-label">
      <input type="hidden" name="intent" value="shelf" />
      <p id="book-shelf-label" className="book-shelf-label">
        {t("books.shelf.label")}
      </p>
      <div className="book-shelf-buttons">
        {SHELF_STATUSES.map((status) => (
          <button
            key={status}
            type="submit"
            name="status"
            value={status}
            className={`small${current === status ? "" : " secondary"}`}
            aria-pressed={current === status}
          >
            {t(`books.shelf.${status}` as MessageKey)}
          </button>
        ))}
        {current ? (
          <button type="submit" name="status" value="NONE" className="small book-shelf-remove">
            {t("books.shelf.NONE")}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
