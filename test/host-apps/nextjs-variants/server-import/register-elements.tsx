'use client';

// Defines the <pd-*> elements in the browser.
import 'pd-connect-elements';

export function RegisterElements() {
  return null;
}
