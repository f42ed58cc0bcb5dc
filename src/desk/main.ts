import { render } from 'preact';
import { App } from './app';
import { html } from './html';
import { interceptLinks } from './router';

const root = document.getElementById('desk');
if (root) {
  root.textContent = '';
  interceptLinks(root);
  render(html`<${App} />`, root);
}
