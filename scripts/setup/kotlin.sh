#!/usr/bin/env bash
# Installs (once) what the Kotlin tests need: the Kotlin compiler distribution from npm
# (kotlinc, kotlin-stdlib and kotlinx-coroutines) in the cache folder, and JNA and Gson (the tests
# read the shared vectors with it) from Debian. The distribution's runtime jars also get a Maven
# layout in its folder (maven/, links into lib/), so builds and consumers name them by coordinates as
# Debian's /usr/share/maven-repo names JNA (scripts/run/kotlin-classpath.sh).
# Prints the compiler's folder (the one holding bin/ and lib/). Safe to run twice.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
setup_lock kotlin
version="$KOTLIN_VERSION"
# The distribution's kotlinx-coroutines-core-jvm.jar carries no version of its own: this is the one
# the Kotlin build pins for it (JetBrains/kotlin, gradle/libs.versions.toml, `kotlinx-coroutines`).
coroutines_version="$KOTLINX_COROUTINES_VERSION"
compiler="$cache/kotlin-$version"
if [ ! -x "$compiler/node_modules/kotlin-compiler/package/bin/kotlinc" ] && [ ! -x "$compiler/node_modules/kotlin-compiler/bin/kotlinc" ]; then
  mkdir -p "$compiler"
  npm install --prefix "$compiler" --no-audit --no-fund --silent "kotlin-compiler@$version" >&2
fi
if [ ! -f /usr/share/java/jna.jar ] || [ ! -f /usr/share/java/gson.jar ]; then
  . "$(dirname "$0")/../lib/host-packages.sh"
  host_install libjna-java libgoogle-gson-java
fi
home="$compiler/node_modules/kotlin-compiler"
[ -x "$home/package/bin/kotlinc" ] && home="$home/package"
chmod +x "$home/bin/"* 2>/dev/null || true
maven="$home/maven"
link() { # GROUP_PATH ARTIFACT VERSION JAR: only this version, even after a version change
  [ -e "$maven/$1/$2/$3/$2-$3.jar" ] && return
  rm -rf "${maven:?}/$1/$2"
  mkdir -p "$maven/$1/$2/$3"
  ln -sfn "$4" "$maven/$1/$2/$3/$2-$3.jar"
}
link org/jetbrains/kotlin kotlin-stdlib "$version" "$home/lib/kotlin-stdlib.jar"
link org/jetbrains/kotlinx kotlinx-coroutines-core-jvm "$coroutines_version" "$home/lib/kotlinx-coroutines-core-jvm.jar"
echo "$home"
