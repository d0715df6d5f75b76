/** The current page from the URL fragment, kept in step with the back button and links. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route, routeHash } from './routes.ts';

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (location.hash !== hash) location.hash = hash;
    // Set at once too: some environments deliver `hashchange` late or not at all.
    setRoute(next);
  }, []);
  return [route, navigate];
}
