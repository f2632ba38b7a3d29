import { describeGolden } from "./golden.js";

describeGolden("date");
