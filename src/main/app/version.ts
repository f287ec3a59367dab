/** The app version, from package.json (bundled at build time by Vite, read directly under tsx). */
import pkg from '../../../package.json';

/** This build's version. */
export const APP_VERSION: string = pkg.version;
