import { mount } from 'svelte';
import App from './App.svelte';
import { WorkbenchState } from './state/workbench.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the workbench in');

// Without the API nothing works, so the window shows why instead of staying blank.
if (window.workbench) {
  mount(App, { target, props: { workbench: new WorkbenchState(window.workbench) } });
} else {
  target.setAttribute('role', 'alert');
  target.textContent =
    'The workbench cannot reach its main process because window.workbench is missing. ' +
    'The preload script did not run, so reinstall the app or start it with electron-vite.';
}
