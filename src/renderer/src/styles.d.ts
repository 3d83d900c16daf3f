/** Vite bundles imported style sheets; they export nothing the code uses. (A global file: no imports.) */
declare module '*.css';
