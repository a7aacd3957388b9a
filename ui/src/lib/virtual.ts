// Which rows of a long list are on screen: only those (and a few either side) are in
// the page, so 10,000 products scroll as smoothly as 10.
export interface Range {
  first: number;
  /** One past the last row to render. */
  end: number;
}

export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 3,
): Range {
  if (count <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const bottom = Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) + overscan;
  return { first: Math.min(top, count), end: Math.min(bottom, count) };
}

/** The page numbers (of `pageSize` rows) that hold the rows of `range`. */
export function pagesOf(range: Range, pageSize: number): number[] {
  if (range.end <= range.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.first / pageSize); page * pageSize < range.end; page += 1) pages.push(page);
  return pages;
}
