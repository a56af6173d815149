import { mount } from 'svelte';
import 'pd-connect-elements';
import App from './App.svelte';
import '../../shared/example.css';

mount(App, { target: document.getElementById('app')! });
