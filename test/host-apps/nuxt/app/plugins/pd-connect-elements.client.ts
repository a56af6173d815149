// Defines the <pd-*> elements in the browser, before the server-rendered page hydrates.
import 'pd-connect-elements';

export default defineNuxtPlugin(() => {});
