// The files `chartroom create NAME` writes: the same set helm's `create`
// writes (a Deployment behind a Service, optional Ingress, HPA and
// ServiceAccount, a connection test). "<CHARTNAME>" is replaced by the name,
// as in helm's starter charts.
export const CHARTNAME = "<CHARTNAME>";

const helmignore = `# Files ignored when packaging (gitignore syntax; negation is not supported).
.DS_Store
# Version control
.git/
.gitignore
.bzr/
.bzrignore
.hg/
.hgignore
.svn/
# Backups
*.swp
*.bak
*.tmp
*.orig
*~
# Editors
.project
.idea/
*.tmproj
.vscode/
`;

const chartYaml = `apiVersion: v2
name: ${CHARTNAME}
description: A Helm chart for Kubernetes

# "application" charts deploy objects; "library" charts only provide helpers.
type: application

# The chart's own version (SemVer 2); bump it on every change to the chart.
version: 0.1.0

# The version of the application the chart deploys.
appVersion: "1.16.0"
`;

const values = `# Default values for ${CHARTNAME}.

replicaCount: 1

image:
  repository: nginx
  pullPolicy: IfNotPresent
  # Defaults to the chart's appVersion.
  tag: ""

imagePullSecrets: []
nameOverride: ""
fullnameOverride: ""

serviceAccount:
  create: true
  automount: true
  annotations: {}
  # Generated from the fullname when empty.
  name: ""

podAnnotations: {}
podLabels: {}

podSecurityContext: {}

securityContext: {}

service:
  type: ClusterIP
  port: 80

ingress:
  enabled: false
  className: ""
  annotations: {}
  hosts:
    - host: chart-example.local
      paths:
        - path: /
          pathType: ImplementationSpecific
  tls: []

resources: {}

livenessProbe:
  httpGet:
    path: /
    port: http
readinessProbe:
  httpGet:
    path: /
    port: http

autoscaling:
  enabled: false
  minReplicas: 1
  maxReplicas: 100
  targetCPUUtilizationPercentage: 80

volumes: []

volumeMounts: []

nodeSelector: {}

tolerations: []

affinity: {}
`;

const helpers = `{{/* The chart name, overridable with nameOverride. */}}
{{- define "${CHARTNAME}.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A fully qualified app name, at most 63 characters (DNS label limit).
The release name is used alone when it already contains the chart name.
*/}}
{{- define "${CHARTNAME}.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* name-version, for the chart label. */}}
{{- define "${CHARTNAME}.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object carries. */}}
{{- define "${CHARTNAME}.labels" -}}
helm.sh/chart: {{ include "${CHARTNAME}.chart" . }}
{{ include "${CHARTNAME}.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels the Service and Deployment select on. */}}
{{- define "${CHARTNAME}.selectorLabels" -}}
app.kubernetes.io/name: {{ include "${CHARTNAME}.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The ServiceAccount's name. */}}
{{- define "${CHARTNAME}.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "${CHARTNAME}.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}
`;

export const GO_SCAFFOLD: Record<string, string> = {
  ".helmignore": helmignore,
  "Chart.yaml": chartYaml,
  "values.yaml": values,
  "templates/_helpers.tpl": helpers,
};
