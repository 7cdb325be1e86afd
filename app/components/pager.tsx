import type { ReactNode } from "react";
import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "#app/i18n/react";

/**
 * Previous and next links for a list shown a page at a time (`?page=`),
 * keeping the rest of the query (filters, sort, tab); nothing when there is
 * one page. The middle says where the reader is.
 */
export function Pager({
  page,
  pages,
  label,
  children,
}: {
  page: number;
  pages: number;
  /** the navigation landmark's name, unique on its page */
  label: string;
  children: ReactNode;
}) {
  const t = useT();
  const [params] = useSearchParams();
  if (pages <= 1) return null;
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={pageLink(page - 1)}>{t("dashboard.components.pager.previous")}</Link> : <span />}
      {children}
      {page < pages ? <Link to={pageLink(page + 1)}>{t("dashboard.components.pager.next")}</Link> : <span />}
    </nav>
  );
}
