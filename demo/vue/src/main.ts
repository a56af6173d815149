import { createApp } from 'vue';
import 'pd-connect-elements';
import App from './App.vue';
import '../../shared/example.css';

createApp(App).mount('#app');
