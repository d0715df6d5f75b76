/** Browser entry: mounts the console with the real HTTP + socket client. */
import { render } from 'preact';
import { App } from './app/App.tsx';
import { createBrowserClient } from './app/client.ts';
import { initialLocale } from './app/i18n.ts';
import { createConsoleMarkdown } from './app/markdown.ts';
import { createNotifier } from './app/notifier.ts';
import './app/styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('console: #app element missing from index.html');
render(
  <App
    client={createBrowserClient()}
    notifier={createNotifier()}
    initialLocale={initialLocale()}
    markdown={createConsoleMarkdown(window)}
  />,
  root,
);
