import type { Route } from "./+types/trades";
import { DocumentTitle } from "../components/form-field.tsx";
import { useLocale, useT } from "../i18n/index.ts";

export async function loader({ context }: Route.LoaderArgs) {
  return { categories: await context.services.trades.listByCategory() };
}

export default function Trades({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { categories } = loaderData;
  const count = categories.reduce((sum, category) => sum + category.trades.length, 0);
  const [primary, secondary] = locale === "en" ? (["nameEn", "nameZh"] as const) : (["nameZh", "nameEn"] as const);
  return (
    <>
      <DocumentTitle title={t("trades.title")} />
      <h1>{t("trades.title")}</h1>
      <p>{t("trades.intro", { count, categories: categories.length })}</p>
      {categories.map((category) => (
        <section key={category.code} id={category.code} aria-labelledby={`cat-${category.code}`} className="trade-group">
          <h2 id={`cat-${category.code}`}>
            {category[primary]} <span className="muted">{t("trades.categoryCount", { count: category.trades.length })}</span>
          </h2>
          <ul className="trade-list">
            {category.trades.map((trade) => (
              <li key={trade.code} data-code={trade.code}>
                <span lang={locale === "en" ? "en" : "zh-CN"}>{trade[primary]}</span>
                <span className="muted" lang={locale === "en" ? "zh-CN" : "en"}>
                  {trade[secondary]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
