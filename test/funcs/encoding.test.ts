import { describeGolden } from "./golden.js";

describeGolden("encoding");
