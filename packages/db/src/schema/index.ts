export * from "./auth";
export * from "./bulletins";
export * from "./catalogue";
export * from "./exports";
export * from "./mail";
export * from "./notifications";
export * from "./submissions";
export * from "./targets";
