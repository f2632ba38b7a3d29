import type { FuncMap } from "../template/value.js";

export const cryptoFuncs: FuncMap = {};
