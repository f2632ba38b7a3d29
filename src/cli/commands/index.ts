// Every command module, in the order `chartroom --help` lists them.
// A module only declares flags; its action imports the implementation lazily.
import type { Command } from "commander";
import { register as completion } from "./completion.js";
import { register as create } from "./create.js";
import { register as dependency } from "./dependency.js";
import { register as get } from "./get.js";
import { register as history } from "./history.js";
import { register as install } from "./install.js";
import { register as lint } from "./lint.js";
import { register as list } from "./list.js";
import { register as package_ } from "./package.js";
import { register as pull } from "./pull.js";
import { register as push } from "./push.js";
import { register as recover } from "./recover.js";
import { register as registry } from "./registry.js";
import { register as repo } from "./repo.js";
import { register as rollback } from "./rollback.js";
import { register as status } from "./status.js";
import { register as test_ } from "./test.js";
import { register as uninstall } from "./uninstall.js";
import { register as upgrade } from "./upgrade.js";
import { register as sandbox } from "./sandbox.js";
import { register as search } from "./search.js";
import { register as show } from "./show.js";
import { register as template } from "./template.js";
import { register as verify } from "./verify.js";
import { register as version } from "./version.js";

export const commandModules: Array<(program: Command) => void> = [completion, create, dependency, get, history, install, lint, list, package_, pull, push, recover, registry, repo, rollback, sandbox, search, show, status, template, test_, uninstall, upgrade, verify, version];
