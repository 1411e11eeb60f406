# shellcheck shell=bash
# Where a Python test interpreter NAME lives, for the scripts that make its venv and run the tests
# in it (scripts/test/python-test-venv.sh, scripts/test/python-test-run.sh). Sourced, not run;
# the caller sets `root` (the repository) and `name`.
#
# NAME is SUITE or SUITE-ARCH (bullseye, trixie, bullseye-arm64); a foreign architecture's
# programs run under qemu-user. Sets `debian_root` (set up if need be: scripts/setup/python-root.sh),
# `emulator` (the command to run them under, or empty) and `dir` (target/python-venvs/NAME).
suite="${name%%-*}" arch="" emulator=()
if [ "$suite" != "$name" ]; then
  arch="${name#*-}"
  emulator=("$root/scripts/run/with-qemu-aarch64.sh")
fi
debian_root=$("$root/scripts/setup/python-root.sh" "$suite" ${arch:+"$arch"})
dir="$root/target/python-venvs/$name"
