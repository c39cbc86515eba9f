import { Link } from "react-router";
import type { Route } from "./+types/home";
import { DocumentTitle } from "../components/form-field.tsx";
import { SECTIONS } from "../components/sections.ts";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const [stats, categories] = await Promise.all([
    context.services.stats.overview(),
    context.services.trades.listByCategory(),
  ]);
  return {
    stats,
    categories: categories.map((category) => ({
      code: category.code,
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      count: category.trades.length,
      examples: category.trades.slice(0, 4),
    })),
    viewerName: context.viewer?.displayName ?? null,
  };
}

const SECTION_BLURBS: Record<string, MessageKey> = {
  "/courses": "home.section.courses",
  "/books": "home.section.books",
  "/jobs": "home.section.jobs",
  "/live": "home.section.live",
  "/quiz": "home.section.quiz",
};

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { stats, categories, viewerName } = loaderData;
  const name = (item: { nameZh: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameZh);
  return (
    <>
      <DocumentTitle title={t("app.tagline")} />
      <section className="hero">
        {viewerName ? <p className="eyebrow">{t("home.welcomeBack", { name: viewerName })}</p> : null}
        <h1>{t("home.title")}</h1>
        <p>{t("home.subtitle")}</p>
      </section>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title" className="visually-hidden">
          {t("home.stats.title")}
        </h2>
        <dl className="stats">
          <div>
            <dt>{t("home.stats.trades")}</dt>
            <dd data-testid="stat-trades">{stats.trades}</dd>
          </div>
          <div>
            <dt>{t("home.stats.courses")}</dt>
            <dd data-testid="stat-courses">{stats.courses}</dd>
          </div>
          <div>
            <dt>{t("home.stats.members")}</dt>
            <dd>{stats.members}</dd>
          </div>
          <div>
            <dt>{t("home.stats.craftsmen")}</dt>
            <dd>{stats.craftsmen}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="sections-title">
        <h2 id="sections-title">{t("home.sections.title")}</h2>
        <ul className="card-grid">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <Link to={section.to} className="card">
                <strong>{t(section.label)}</strong>
                <span>{t(SECTION_BLURBS[section.to] ?? "home.section.trades")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t("home.categories.title")}</h2>
        <ul className="category-list">
          {categories.map((category) => (
            <li key={category.code}>
              <Link to={`/trades#${category.code}`} className="category">
                <strong>{name(category)}</strong>
                <span className="muted">{t("trades.categoryCount", { count: category.count })}</span>
                <span className="examples">{category.examples.map(name).join(" · ")}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/trades">{t("home.categories.more", { count: stats.trades })}</Link>
        </p>
      </section>
    </>
  );
}
