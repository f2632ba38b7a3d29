// Records core/v1 Events the way kubelet and the controller manager do, with
// repeats of the same reason and message folded into one Event whose count grows.
import type { ControllerHost, KubeObject } from "./host.js";
import { rfc3339 } from "./objects.js";

export type EventType = "Normal" | "Warning";

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private seen = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly host: ControllerHost,
    private readonly onError: (err: unknown, where: string) => void,
  ) {}

  async record(
    obj: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): Promise<void> {
    const ns = obj.metadata.namespace ?? "default";
    const key = [obj.metadata.uid, fieldPath ?? "", type, reason, message].join("\u0000");
    const stamp = rfc3339(this.host.now());
    try {
      const existingName = this.seen.get(key);
      if (existingName) {
        const prev = await this.host.get("v1", "Event", ns, existingName);
        if (prev) {
          await this.host.update({ ...prev, count: ((prev.count as number) ?? 1) + 1, lastTimestamp: stamp });
          return;
        }
      }
      // Event names are the object's name plus a unique hex suffix, as client-go's recorder makes them.
      const suffix = (this.host.now().getTime() * 1000 + (this.seq++ % 1000)).toString(16);
      const name = `${obj.metadata.name}.${suffix}`;
      await this.host.create({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace: ns },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: obj.metadata.name,
          namespace: obj.metadata.namespace,
          uid: obj.metadata.uid,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        type,
        count: 1,
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        source,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
      });
      this.seen.set(key, name);
    } catch (err) {
      this.onError(err, `record event ${reason} for ${obj.kind}/${obj.metadata.name}`);
    }
  }

  /** Drops the fold-in memory for a deleted object. */
  forget(uid: string | undefined): void {
    if (!uid) return;
    for (const k of this.seen.keys()) if (k.startsWith(`${uid}\u0000`)) this.seen.delete(k);
  }
}
