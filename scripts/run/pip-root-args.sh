#!/usr/bin/env bash
# Prints, one per line, the scripts/run/root-run.sh options that let pip inside a Debian root reach the
# package index the way the host's pip does: the host's pip settings (from its config files and
# PIP_* variables, as `pip config list` shows them) as PIP_* variables, the CA bundle and client
# certificate they name bound read-only into the root (a host may trust an extra CA for its index,
# which the root's own ca-certificates lacks), and the host's proxy variables.
# Local find-links folders are left out: they are host paths.
#
# Usage: mapfile -t args < <(scripts/run/pip-root-args.sh); scripts/run/root-run.sh "${args[@]}" --root ...
set -euo pipefail
python=$("$(dirname "$0")/../setup/python.sh")

# `pip config list` prints KEY='VALUE' (a Python literal) with KEY scope.name (global.cert,
# :env:.index-url, install.trusted-host); later scopes override earlier ones, as in pip.
"$python" -m pip config list 2>/dev/null | "$python" -c '
import ast, os, sys
settings = {}
for line in sys.stdin:
    key, sep, value = line.rstrip("\n").partition("=")
    if not sep:
        continue
    name = key.rsplit(".", 1)[-1]
    settings[name] = ast.literal_eval(value)
if "cert" not in settings and os.environ.get("PIP_CERT"):
    settings["cert"] = os.environ["PIP_CERT"]
for name, value in settings.items():
    env = "PIP_" + name.upper().replace("-", "_")
    if name in ("cert", "client-cert"):
        inside = "/etc/iot-transfer-pip/" + name + ".pem"
        print("--ro-bind"); print(os.path.realpath(value) + ":" + inside)
        print("--env"); print(env + "=" + inside)
    elif name == "find-links":
        links = [l for l in value.split() if "://" in l]
        if links:
            print("--env"); print(env + "=" + " ".join(links))
    else:
        print("--env"); print(env + "=" + value)
'
for name in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
  if [ -n "${!name:-}" ]; then
    echo --env
    echo "$name=${!name}"
  fi
done
