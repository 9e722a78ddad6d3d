/** The request header in which the printing browser sends its print token (see print-token.ts). */
export const PRINT_TOKEN_HEADER = "x-zones-print-token";
