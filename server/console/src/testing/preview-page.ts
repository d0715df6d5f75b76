/**
 * The widget preview page as DOM tests see it (tests only): happy-dom really loads a frame's `src`,
 * so requests for `API.widgetPreview` are answered with a stand-in page instead of going to the
 * network. A test can hold the page back to control when the frame's `load` event comes.
 */
import { API } from '@frontdesk/shared';

type Interceptor = {
  beforeAsyncRequest(context: { request: Request; window: typeof globalThis }): Promise<Response | undefined>;
};
type HappyDomWindow = { happyDOM?: { settings: { fetch: { interceptor: Interceptor | null } } } };

let gate: Promise<void> | null = null;

export function installPreviewPage(): void {
  const happyDOM = (window as unknown as HappyDomWindow).happyDOM;
  if (!happyDOM) return;
  happyDOM.settings.fetch.interceptor = {
    async beforeAsyncRequest({ request, window: frameWindow }) {
      if (new URL(request.url).pathname !== API.widgetPreview) return undefined;
      await gate;
      return new frameWindow.Response('<!doctype html><title>Widget preview</title>', {
        headers: { 'Content-Type': 'text/html' },
      });
    },
  };
}

/** Holds the preview page back until the returned function is called. */
export function holdPreviewPage(): () => void {
  let open = () => {};
  gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    gate = null;
    open();
  };
}
