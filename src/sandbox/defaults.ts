// Defaulting as the API server does it on create (and keeps on update), for
// the fields kubectl, helm and the controllers look at.

export interface Allocator {
  /** Next free ClusterIP. */
  clusterIP(): string;
}

function podSpecDefaults(spec: any): void {
  if (!spec || typeof spec !== "object") return;
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list : []) {
      const image = String(c.image ?? "");
      const tagged = /:[^/]+$/.test(image) || image.includes("@");
      c.imagePullPolicy ??= !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
      c.terminationMessagePath ??= "/dev/termination-log";
      c.terminationMessagePolicy ??= "File";
      c.resources ??= {};
      for (const p of Array.isArray(c.ports) ? c.ports : []) p.protocol ??= "TCP";
    }
  }
}

function templateDefaults(spec: any): void {
  if (spec?.template?.spec) podSpecDefaults(spec.template.spec);
  if (spec?.template) spec.template.metadata ??= {};
}

export function applyDefaults(kind: string, obj: any, alloc: Allocator, isCreate: boolean): void {
  const spec = obj.spec;
  switch (kind) {
    case "Namespace":
      obj.spec = { finalizers: ["kubernetes"], ...(spec ?? {}) };
      obj.status ??= { phase: "Active" };
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), "kubernetes.io/metadata.name": obj.metadata.name };
      break;
    case "Pod":
      obj.spec ??= {};
      podSpecDefaults(obj.spec);
      obj.spec.serviceAccountName ??= "default";
      obj.spec.serviceAccount ??= obj.spec.serviceAccountName;
      obj.spec.enableServiceLinks ??= true;
      obj.spec.priority ??= 0;
      if (isCreate) obj.status = { phase: "Pending", qosClass: "BestEffort", ...(obj.status ?? {}) };
      break;
    case "Service": {
      obj.spec ??= {};
      const s = obj.spec;
      s.type ??= "ClusterIP";
      s.sessionAffinity ??= "None";
      if (s.type !== "ExternalName") {
        if (s.clusterIP === undefined || s.clusterIP === "") s.clusterIP = alloc.clusterIP();
        s.clusterIPs ??= [s.clusterIP];
        s.ipFamilies ??= ["IPv4"];
        s.ipFamilyPolicy ??= "SingleStack";
        s.internalTrafficPolicy ??= "Cluster";
      }
      if (s.type === "NodePort" || s.type === "LoadBalancer") s.externalTrafficPolicy ??= "Cluster";
      let nodePort = 30000 + (Number(s.clusterIP?.split(".").pop()) % 2000) * 7;
      for (const p of Array.isArray(s.ports) ? s.ports : []) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
        if ((s.type === "NodePort" || s.type === "LoadBalancer") && p.nodePort === undefined) p.nodePort = nodePort++;
      }
      obj.status ??= { loadBalancer: {} };
      // A load-balancer provider answers at once, so helm --wait does not hang on it.
      if (s.type === "LoadBalancer" && !obj.status.loadBalancer?.ingress?.length) {
        obj.status = { ...obj.status, loadBalancer: { ingress: [{ ip: `172.18.255.${(Number(s.clusterIP?.split(".").pop()) % 250) + 1}`, ipMode: "VIP" }] } };
      } else if (s.type !== "LoadBalancer" && obj.status.loadBalancer?.ingress) {
        obj.status = { ...obj.status, loadBalancer: {} };
      }
      break;
    }
    case "Deployment":
      obj.spec ??= {};
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      if (!spec.strategy?.type) spec.strategy = { ...(spec.strategy ?? {}), type: "RollingUpdate" };
      if (spec.strategy.type === "RollingUpdate") spec.strategy.rollingUpdate ??= { maxSurge: "25%", maxUnavailable: "25%" };
      templateDefaults(spec);
      break;
    case "ReplicaSet":
    case "ReplicationController":
      obj.spec ??= {};
      obj.spec.replicas ??= 1;
      templateDefaults(obj.spec);
      break;
    case "StatefulSet":
      obj.spec ??= {};
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= "OrderedReady";
      spec.revisionHistoryLimit ??= 10;
      if (!spec.updateStrategy?.type) spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: "Retain", whenScaled: "Retain" };
      templateDefaults(spec);
      break;
    case "DaemonSet":
      obj.spec ??= {};
      spec.revisionHistoryLimit ??= 10;
      if (!spec.updateStrategy?.type) spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
      templateDefaults(spec);
      break;
    case "Job":
      obj.spec ??= {};
      jobDefaults(obj, isCreate);
      break;
    case "CronJob":
      obj.spec ??= {};
      spec.concurrencyPolicy ??= "Allow";
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      if (spec.jobTemplate?.spec) templateDefaults(spec.jobTemplate.spec);
      break;
    case "Secret":
      if (!obj.type) obj.type = "Opaque";
      if (obj.stringData && typeof obj.stringData === "object") {
        obj.data = { ...(obj.data ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = Buffer.from(String(v)).toString("base64");
        delete obj.stringData;
      }
      break;
    case "PersistentVolumeClaim":
      obj.spec ??= {};
      obj.spec.volumeMode ??= "Filesystem";
      obj.spec.storageClassName ??= "standard";
      break;
  }
}

function jobDefaults(obj: any, isCreate: boolean): void {
  const spec = obj.spec;
  spec.parallelism ??= 1;
  spec.completions ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= "TerminatingOrFailed";
  spec.template ??= {};
  spec.template.spec ??= {};
  spec.template.spec.restartPolicy ??= "Never";
  templateDefaults(spec);
  if (isCreate && !spec.manualSelector) {
    const uid = obj.metadata.uid;
    const name = obj.metadata.name;
    spec.selector ??= { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
    spec.template.metadata.labels = {
      ...(spec.template.metadata.labels ?? {}),
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": name,
      "controller-uid": uid,
      "job-name": name,
    };
  }
}
