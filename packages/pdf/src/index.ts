export { chromiumPath, DEFAULT_MARGIN, footerTemplate, type PrintOptions, printPagePdf } from "./print";
export {
  PRINT_TOKEN_HEADER,
  PRINT_TOKEN_TTL_SECONDS,
  type PrintGrant,
  signPrintToken,
  verifyPrintToken,
} from "./print-token";
