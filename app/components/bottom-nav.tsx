import { NavLink } from "react-router";
import { useT } from "../i18n/index.ts";
import { SECTIONS } from "./sections.ts";

const HOME_ICON = "M4 11l8-7 8 7v9H4z M10 20v-5h4v5";

/** The tab bar at the bottom of phone screens; hidden on wide screens, where the header has the links. */
export function BottomNav() {
  const t = useT();
  const items = [{ to: "/", label: "nav.home" as const, icon: HOME_ICON }, ...SECTIONS];
  return (
    <nav className="bottom-nav" aria-label={t("nav.main")}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === "/"}>
              <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path d={item.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
              </svg>
              <span>{t(item.label)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
