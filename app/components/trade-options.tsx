// The trades of a trade <select>, grouped by industry (optgroups), in catalogue order and in the
// reader's language. Every trade filter and trade field renders its options with this.
import { useLocale } from "../i18n/index.ts";
import { tradeName } from "./course-labels.tsx";

export interface TradeCategoryOption {
  code: string;
  nameZh: string;
  nameEn: string;
  trades: { code: string; nameZh: string; nameEn: string }[];
}

export function TradeOptions({ categories }: { categories: TradeCategoryOption[] }) {
  const locale = useLocale();
  return categories.map((category) => (
    <optgroup key={category.code} label={tradeName(category, locale)}>
      {category.trades.map((trade) => (
        <option key={trade.code} value={trade.code}>
          {tradeName(trade, locale)}
        </option>
      ))}
    </optgroup>
  ));
}
