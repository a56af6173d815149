export * from '../read-components.js';
