// schema.org data for search engines, as an inline script under the page's CSP nonce. `<` is
// escaped so that text from the database can never close the script element.
import { useNonce } from "../lib/nonce.ts";

export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const nonce = useNonce();
  return (
    <script
      type="application/ld+json"
      nonce={nonce || undefined}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
