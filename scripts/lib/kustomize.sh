# ensure_kustomize: `kubectl kustomize`, which builds deploy/k8s's overlays offline for
# tests/deploy/test_k8s.py. The overlays are written for kustomize 2.0.3 and later, so any
# kubectl since 1.14 does; Debian's (kubernetes-client) is installed when none is there and we
# are root; otherwise the error says how to get it.

ensure_kustomize() {
  kubectl kustomize --help >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: kubectl is not installed; install Debian's kubernetes-client (apt-get install" \
         "kubernetes-client) or any kubectl since 1.14, for its kustomize" >&2
    exit 1
  fi
  echo "installing kubectl (kubernetes-client) for the Kubernetes manifests' tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null 2>&1; } ||
    { echo "error: could not install kubernetes-client" >&2; exit 1; }
}
