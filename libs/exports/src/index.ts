export * from './tables';
export * from './agenda';
export * from './agenda-pdf';
export * from './agenda-ics';
export * from './event-report-pdf';
export { winAnsi, type PdfFontOptions } from './pdf-common';
