export * from "./auth";
export * from "./bulletins";
export * from "./catalogue";
export * from "./evaluation";
export * from "./exports";
export * from "./mail";
export * from "./notifications";
export * from "./submissions";
