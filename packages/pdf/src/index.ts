export { chromiumPath, type PrintOptions, printPagePdf } from "./print";
