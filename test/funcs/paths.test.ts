import { describeGolden } from "./golden.js";

describeGolden("paths");
