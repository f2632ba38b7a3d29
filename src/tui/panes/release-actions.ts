// What the release list, detail and history do on u, r, x, t and e: each goes
// through the wizard, a confirmation or the progress view, never straight to
// the cluster.
import type { ReleaseRow } from "../engine/types.js";
import type { Nav } from "../nav.js";
import { goDurationMs } from "../../actions/duration.js";

const TIMEOUT = "5m0s";

export function releaseActions(nav: Nav, release: ReleaseRow | undefined, rollbackTo?: () => number | undefined): Record<string, () => void> {
  if (!release) return {};
  const { name, namespace } = release;
  const where = `${name} in ${namespace}`;
  return {
    upgrade: () => {
      // The chart to upgrade to: the same chart from a repository when one has it.
      nav.engine.search(release.chartName).then(
        (hits) => {
          const same = hits.find((h) => h.chart === release.chartName);
          nav.engine.releaseDetail(name, namespace).then(
            (d) =>
              nav.startWizard({
                kind: "upgrade",
                name,
                namespace,
                chartRef: same?.ref ?? "",
                version: same?.version ?? "",
                values: d.values,
                baseValues: d.values,
                step: same ? "version" : "chart",
              }),
            (err: Error) => nav.flash(err.message, "error"),
          );
        },
        (err: Error) => nav.flash(err.message, "error"),
      );
    },
    rollback: () => {
      const target = rollbackTo?.() ?? 0;
      const label = target > 0 ? `revision ${target}` : "the previous revision";
      nav.confirm(`Roll back ${where} to ${label}?`, () =>
        nav.runOperation({
          title: `rollback ${where} to ${label}`,
          timeoutMs: goDurationMs(TIMEOUT),
          run: async (run) => {
            const r = await nav.engine.rollback(name, namespace, target, { wait: true, timeout: TIMEOUT }, run);
            return `Rollback was a success: ${name} is at revision ${r.revision} (${r.status})`;
          },
        }),
      );
    },
    uninstall: () =>
      nav.confirm(`Uninstall ${where}? Its resources are deleted.`, () =>
        nav.runOperation({ title: `uninstall ${where}`, run: (run) => nav.engine.uninstall(name, namespace, run) }),
      ),
    test: () =>
      nav.runOperation({
        title: `test ${where}`,
        timeoutMs: goDurationMs(TIMEOUT),
        run: async (run) => {
          await nav.engine.test(name, namespace, run);
          return `tests of ${name} passed`;
        },
      }),
    values: () => nav.openValues({ kind: "release", name, namespace, chartName: release.chartName }),
  };
}
