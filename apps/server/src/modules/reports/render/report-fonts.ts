import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Titillium Web (SIL OFL), the Bootstrap Italia typeface, read from the bootstrap-italia package the web app
 * already self-hosts: the PDF embeds it, resvg draws the DOCX's chart images with it, the DOCX names it.
 */
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('bootstrap-italia/package.json')), 'dist/fonts/Titillium_Web');
const ttf = (w: string) => path.join(fontDir, `titillium-web-v10-latin-ext_latin-${w}.ttf`);
export const FONT_FILES = { regular: ttf('regular'), italic: ttf('italic'), semibold: ttf('600'), bold: ttf('700'), boldItalic: ttf('700italic'), light: ttf('300') };
export const FONT_FAMILY = 'Titillium Web';
