// Decoding the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) for
// what typed Go clients send that way: helm's release Secrets and ConfigMaps,
// kubectl create/run/expose (namespaces, configmaps, secrets, service
// accounts, pods, deployments, services, jobs, cronjobs), kubectl auth can-i
// and DeleteOptions. Fields outside these tables are refused (415) rather than
// lost. Responses stay JSON, which those clients also accept.
import { unsupportedMediaType } from "./errors.js";

type Field =
  | "string"
  | "bytes"
  | "bool"
  | "int"
  /** A non-pointer Go int: zero means unset. */
  | "int0"
  | "time"
  | "intOrString"
  | "quantities"
  | "skip"
  | { message: Msg }
  | { map: "string" | "bytes" }
  | { repeated: "string" | Msg };
type Msg = Record<number, [name: string, type: Field]>;

const TIME: Msg = { 1: ["seconds", "int"], 2: ["nanos", "int"] };
const OWNER: Msg = {
  1: ["kind", "string"],
  3: ["name", "string"],
  4: ["uid", "string"],
  5: ["apiVersion", "string"],
  6: ["controller", "bool"],
  7: ["blockOwnerDeletion", "bool"],
};
const META: Msg = {
  1: ["name", "string"],
  2: ["generateName", "string"],
  3: ["namespace", "string"],
  4: ["selfLink", "string"],
  5: ["uid", "string"],
  6: ["resourceVersion", "string"],
  7: ["generation", "int0"],
  8: ["creationTimestamp", "time"],
  9: ["deletionTimestamp", "time"],
  10: ["deletionGracePeriodSeconds", "int"],
  11: ["labels", { map: "string" }],
  12: ["annotations", { map: "string" }],
  13: ["ownerReferences", { repeated: OWNER }],
  14: ["finalizers", { repeated: "string" }],
};
const meta: [string, Field] = ["metadata", { message: META }];
/** Status is the server's to set: what a client sends there is ignored. */
const status: [string, Field] = ["status", "skip"];
const NAME_REF: Msg = { 1: ["name", "string"] };
const OBJECT_REF: Msg = { 1: ["kind", "string"], 2: ["namespace", "string"], 3: ["name", "string"], 4: ["uid", "string"], 5: ["apiVersion", "string"] };

const SELECTOR: Msg = {
  1: ["matchLabels", { map: "string" }],
  2: ["matchExpressions", { repeated: { 1: ["key", "string"], 2: ["operator", "string"], 3: ["values", { repeated: "string" }] } }],
};
const CONTAINER: Msg = {
  1: ["name", "string"],
  2: ["image", "string"],
  3: ["command", { repeated: "string" }],
  4: ["args", { repeated: "string" }],
  5: ["workingDir", "string"],
  6: ["ports", { repeated: { 1: ["name", "string"], 2: ["hostPort", "int0"], 3: ["containerPort", "int"], 4: ["protocol", "string"], 5: ["hostIP", "string"] } }],
  7: ["env", { repeated: { 1: ["name", "string"], 2: ["value", "string"] } }],
  8: ["resources", { message: { 1: ["limits", "quantities"], 2: ["requests", "quantities"] } }],
  13: ["terminationMessagePath", "string"],
  14: ["imagePullPolicy", "string"],
  16: ["stdin", "bool"],
  17: ["stdinOnce", "bool"],
  18: ["tty", "bool"],
  20: ["terminationMessagePolicy", "string"],
};
const POD_SPEC: Msg = {
  2: ["containers", { repeated: CONTAINER }],
  3: ["restartPolicy", "string"],
  4: ["terminationGracePeriodSeconds", "int"],
  5: ["activeDeadlineSeconds", "int"],
  6: ["dnsPolicy", "string"],
  7: ["nodeSelector", { map: "string" }],
  8: ["serviceAccountName", "string"],
  9: ["serviceAccount", "string"],
  10: ["nodeName", "string"],
  11: ["hostNetwork", "bool"],
  12: ["hostPID", "bool"],
  13: ["hostIPC", "bool"],
  15: ["imagePullSecrets", { repeated: NAME_REF }],
  16: ["hostname", "string"],
  17: ["subdomain", "string"],
  19: ["schedulerName", "string"],
  20: ["initContainers", { repeated: CONTAINER }],
  24: ["priorityClassName", "string"],
};
const TEMPLATE: Msg = { 1: meta, 2: ["spec", { message: POD_SPEC }] };
const JOB_SPEC: Msg = {
  1: ["parallelism", "int"],
  2: ["completions", "int"],
  3: ["activeDeadlineSeconds", "int"],
  4: ["selector", { message: SELECTOR }],
  5: ["manualSelector", "bool"],
  6: ["template", { message: TEMPLATE }],
  7: ["backoffLimit", "int"],
  8: ["ttlSecondsAfterFinished", "int"],
  9: ["completionMode", "string"],
  10: ["suspend", "bool"],
};

const KINDS: Record<string, Msg> = {
  Pod: { 1: meta, 2: ["spec", { message: POD_SPEC }], 3: status },
  Deployment: {
    1: meta,
    2: [
      "spec",
      {
        message: {
          1: ["replicas", "int"],
          2: ["selector", { message: SELECTOR }],
          3: ["template", { message: TEMPLATE }],
          4: ["strategy", { message: { 1: ["type", "string"] } }],
          5: ["minReadySeconds", "int0"],
          6: ["revisionHistoryLimit", "int"],
          7: ["paused", "bool"],
          9: ["progressDeadlineSeconds", "int"],
        },
      },
    ],
    3: status,
  },
  Service: {
    1: meta,
    2: [
      "spec",
      {
        message: {
          1: ["ports", { repeated: { 1: ["name", "string"], 2: ["protocol", "string"], 3: ["port", "int"], 4: ["targetPort", "intOrString"], 5: ["nodePort", "int"] } }],
          2: ["selector", { map: "string" }],
          3: ["clusterIP", "string"],
          4: ["type", "string"],
          5: ["externalIPs", { repeated: "string" }],
          7: ["sessionAffinity", "string"],
          8: ["loadBalancerIP", "string"],
          10: ["externalName", "string"],
          11: ["externalTrafficPolicy", "string"],
          12: ["healthCheckNodePort", "int0"],
          13: ["publishNotReadyAddresses", "bool"],
        },
      },
    ],
    3: status,
  },
  Job: { 1: meta, 2: ["spec", { message: JOB_SPEC }], 3: status },
  CronJob: {
    1: meta,
    2: [
      "spec",
      {
        message: {
          1: ["schedule", "string"],
          2: ["startingDeadlineSeconds", "int"],
          3: ["concurrencyPolicy", "string"],
          4: ["suspend", "bool"],
          5: ["jobTemplate", { message: { 1: meta, 2: ["spec", { message: JOB_SPEC }] } }],
          6: ["successfulJobsHistoryLimit", "int"],
          7: ["failedJobsHistoryLimit", "int"],
          8: ["timeZone", "string"],
        },
      },
    ],
    3: status,
  },
  Secret: { 1: meta, 2: ["data", { map: "bytes" }], 3: ["type", "string"], 4: ["stringData", { map: "string" }], 5: ["immutable", "bool"] },
  ConfigMap: { 1: meta, 2: ["data", { map: "string" }], 3: ["binaryData", { map: "bytes" }], 4: ["immutable", "bool"] },
  Namespace: { 1: meta, 2: ["spec", { message: { 1: ["finalizers", { repeated: "string" }] } }], 3: status },
  ServiceAccount: {
    1: meta,
    2: ["secrets", { repeated: OBJECT_REF }],
    3: ["imagePullSecrets", { repeated: NAME_REF }],
    4: ["automountServiceAccountToken", "bool"],
  },
  SelfSubjectAccessReview: {
    1: meta,
    2: [
      "spec",
      {
        message: {
          1: [
            "resourceAttributes",
            {
              message: {
                1: ["namespace", "string"],
                2: ["verb", "string"],
                3: ["group", "string"],
                4: ["version", "string"],
                5: ["resource", "string"],
                6: ["subresource", "string"],
                7: ["name", "string"],
              },
            },
          ],
          2: ["nonResourceAttributes", { message: { 1: ["path", "string"], 2: ["verb", "string"] } }],
        },
      },
    ],
    3: status,
  },
  DeleteOptions: {
    1: ["gracePeriodSeconds", "int"],
    2: ["preconditions", { message: { 1: ["uid", "string"], 2: ["resourceVersion", "string"] } }],
    3: ["orphanDependents", "bool"],
    4: ["propagationPolicy", "string"],
    5: ["dryRun", { repeated: "string" }],
  },
};

const UNKNOWN: Msg = {
  1: ["typeMeta", { message: { 1: ["apiVersion", "string"], 2: ["kind", "string"] } }],
  2: ["raw", "bytes"],
  3: ["contentEncoding", "string"],
  4: ["contentType", "string"],
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    let result = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error("truncated varint");
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mult;
      if ((b & 0x80) === 0) return result;
      mult *= 128;
    }
  }

  bytes(): Buffer {
    const n = this.varint();
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

class Unsupported extends Error {}

/**
 * Decodes one message. Go marshals unset strings and bools as "" and false;
 * JSON omits them, so they are dropped here. `strict` refuses a field this
 * table does not know rather than silently losing it.
 */
function decode(buf: Buffer, msg: Msg, raw = false, strict = false): Record<string, any> {
  const r = new Reader(buf);
  const out: Record<string, any> = {};
  while (r.pos < buf.length) {
    const tag = r.varint();
    const field = msg[Math.floor(tag / 8)];
    const wire = tag & 7;
    if (!field) {
      if (strict) throw new Unsupported(`field ${Math.floor(tag / 8)}`);
      r.skip(wire);
      continue;
    }
    const [name, type] = field;
    if (type === "skip") r.skip(wire);
    else if (type === "int") out[name] = r.varint();
    else if (type === "int0") {
      const v = r.varint();
      if (v !== 0) out[name] = v;
    }
    else if (type === "bool") {
      if (r.varint() !== 0) out[name] = true;
    } else if (type === "string") {
      const v = r.bytes().toString("utf8");
      if (v !== "") out[name] = v;
    } else if (type === "bytes") out[name] = raw ? r.bytes() : r.bytes().toString("base64");
    else if (type === "time") {
      const t = decode(r.bytes(), TIME);
      if (t.seconds) out[name] = `${new Date(t.seconds * 1000).toISOString().slice(0, 19)}Z`;
    } else if (type === "intOrString") {
      const v = decode(r.bytes(), { 1: ["type", "int"], 2: ["intVal", "int"], 3: ["strVal", "string"] });
      out[name] = v.type === 1 ? (v.strVal ?? "") : (v.intVal ?? 0);
    } else if (type === "quantities") {
      const entry = decode(r.bytes(), { 1: ["key", "string"], 2: ["value", { message: { 1: ["string", "string"] } }] });
      out[name] ??= {};
      out[name][entry.key ?? ""] = entry.value?.string ?? "0";
    } else if ("message" in type) out[name] = decode(r.bytes(), type.message, raw, strict);
    else if ("map" in type) {
      const entry = decode(r.bytes(), { 1: ["key", "string"], 2: ["value", type.map] });
      out[name] ??= {};
      out[name][entry.key ?? ""] = entry.value ?? "";
    } else {
      out[name] ??= [];
      out[name].push(type.repeated === "string" ? r.bytes().toString("utf8") : decode(r.bytes(), type.repeated, raw, strict));
    }
  }
  return out;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The JSON form of a protobuf-encoded request body. */
export function decodeProtobuf(body: Buffer, contentType: string): any {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw unsupportedMediaType(contentType, ["application/json", "application/yaml"]);
  const envelope = decode(body.subarray(4), UNKNOWN, true);
  const kind = envelope.typeMeta?.kind ?? "";
  const schema = KINDS[kind];
  if (!schema) throw unsupportedMediaType(contentType, ["application/json", "application/yaml"]);
  try {
    const obj = decode(envelope.raw ?? Buffer.alloc(0), schema, false, true);
    return { apiVersion: envelope.typeMeta.apiVersion, kind, ...obj };
  } catch (err) {
    if (err instanceof Unsupported) throw unsupportedMediaType(contentType, ["application/json", "application/yaml"]);
    throw err;
  }
}
