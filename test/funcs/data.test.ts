import { describeGolden } from "./golden.js";

describeGolden("data");
