export * from "./auth";
export * from "./catalogue";
export * from "./exports";
export * from "./submissions";
