// Decoding the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) for
// the kinds that typed Go clients send that way: helm's release Secrets and
// ConfigMaps, kubectl create namespace/configmap/secret/serviceaccount,
// kubectl auth can-i, and DeleteOptions. Responses stay JSON, which those clients also accept.
import { unsupportedMediaType } from "./errors.js";

type Field =
  | "string"
  | "bytes"
  | "bool"
  | "int"
  | "time"
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
  5: ["uid", "string"],
  6: ["resourceVersion", "string"],
  7: ["generation", "int"],
  8: ["creationTimestamp", "time"],
  9: ["deletionTimestamp", "time"],
  10: ["deletionGracePeriodSeconds", "int"],
  11: ["labels", { map: "string" }],
  12: ["annotations", { map: "string" }],
  13: ["ownerReferences", { repeated: OWNER }],
  14: ["finalizers", { repeated: "string" }],
};
const meta: [string, Field] = ["metadata", { message: META }];
const NAME_REF: Msg = { 1: ["name", "string"] };
const OBJECT_REF: Msg = { 1: ["kind", "string"], 2: ["namespace", "string"], 3: ["name", "string"], 4: ["uid", "string"], 5: ["apiVersion", "string"] };

const KINDS: Record<string, Msg> = {
  Secret: { 1: meta, 2: ["data", { map: "bytes" }], 3: ["type", "string"], 4: ["stringData", { map: "string" }], 5: ["immutable", "bool"] },
  ConfigMap: { 1: meta, 2: ["data", { map: "string" }], 3: ["binaryData", { map: "bytes" }], 4: ["immutable", "bool"] },
  Namespace: { 1: meta, 2: ["spec", { message: { 1: ["finalizers", { repeated: "string" }] } }] },
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

function decode(buf: Buffer, msg: Msg, raw = false): Record<string, any> {
  const r = new Reader(buf);
  const out: Record<string, any> = {};
  while (r.pos < buf.length) {
    const tag = r.varint();
    const field = msg[Math.floor(tag / 8)];
    const wire = tag & 7;
    if (!field) {
      r.skip(wire);
      continue;
    }
    const [name, type] = field;
    if (type === "int" || type === "bool") {
      const v = r.varint();
      out[name] = type === "bool" ? v !== 0 : v;
    } else if (type === "string") out[name] = r.bytes().toString("utf8");
    else if (type === "bytes") out[name] = raw ? r.bytes() : r.bytes().toString("base64");
    else if (type === "time") {
      const t = decode(r.bytes(), TIME);
      out[name] = `${new Date((t.seconds ?? 0) * 1000).toISOString().slice(0, 19)}Z`;
    } else if ("message" in type) out[name] = decode(r.bytes(), type.message, raw);
    else if ("map" in type) {
      const entry = decode(r.bytes(), { 1: ["key", "string"], 2: ["value", type.map] });
      out[name] ??= {};
      out[name][entry.key ?? ""] = entry.value ?? "";
    } else {
      out[name] ??= [];
      out[name].push(type.repeated === "string" ? r.bytes().toString("utf8") : decode(r.bytes(), type.repeated));
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
  const obj = decode(envelope.raw ?? Buffer.alloc(0), schema);
  return { apiVersion: envelope.typeMeta.apiVersion, kind, ...obj };
}
