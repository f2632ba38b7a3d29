// Every command module, in the order `chartroom --help` lists them.
// A module only declares flags; its action imports the implementation lazily.
import type { Command } from "commander";
import { register as completion } from "./completion.js";
import { register as sandbox } from "./sandbox.js";
import { register as template } from "./template.js";
import { register as version } from "./version.js";

export const commandModules: Array<(program: Command) => void> = [completion, sandbox, template, version];
