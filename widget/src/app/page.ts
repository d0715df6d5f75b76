/** The visitor's current page as the protocol accepts it (URL and title within their limits). */
import { LIMITS, type PageInfo } from '@frontdesk/shared';

export function currentPage(
  location: Pick<Location, 'href' | 'origin' | 'pathname'>,
  title: string,
): PageInfo {
  let url = location.href;
  if (url.length > LIMITS.urlMaxLength)
    url = (location.origin + location.pathname).slice(0, LIMITS.urlMaxLength);
  return { url, title: title.slice(0, LIMITS.titleMaxLength) };
}
