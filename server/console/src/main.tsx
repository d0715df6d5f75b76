/** Browser entry: mounts the console with the real HTTP + socket client. */
import { render } from 'preact';
import { createBrowserClient } from './client.ts';
import { App } from './components/App.tsx';
import { initialLocale } from './i18n.ts';
import { createNotifier } from './lib/notifier.ts';
import { createConsoleMarkdown } from './markdown.ts';
import './styles.css';

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
