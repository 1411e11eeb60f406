#!/usr/bin/env bash
# Lays the Kotlin bindings out as a Maven artifact, dev.iottransfer:iot-transfer:VERSION, in a
# local repository folder (usable as `maven { url = uri("file://...") }` in Gradle or a `file://`
# repository in Maven): the jar (scripts/build/kotlin-jar.sh PROFILE), a -sources.jar of every
# Kotlin source it is compiled from, a POM declaring the runtime dependencies it was compiled and
# tested against (scripts/run/kotlin-classpath.sh), the artifact's maven-metadata.xml, and .md5, .sha1,
# .sha256 and .sha512 checksums of each file. Prints the artifact's version folder.
#
# Usage: scripts/build/maven-repo.sh [release|debug] [REPO]   (default: release, target/maven)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
profile="${1:-release}"
repo="$(mkdir -p "${2:-$root/target/maven}" && cd "${2:-$root/target/maven}" && pwd)"
jar=$("$root/scripts/build/kotlin-jar.sh" "$profile")
build="$(dirname "$jar")"
mapfile -t dependencies < <("$root/scripts/run/kotlin-classpath.sh" --coordinates)
read -r version url license < <(cargo metadata --no-deps --format-version 1 --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys
p = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == "iot-transfer-uniffi")
print(p["version"], p["repository"], p["license"])')
license_url=""
[ "$license" = Apache-2.0 ] && license_url="      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"
group=dev.iottransfer
artifact=iot-transfer
dir="$repo/${group//.//}/$artifact/$version"
rm -rf "$dir"
mkdir -p "$dir"
base="$dir/$artifact-$version"
cp "$jar" "$base.jar"
(cd "$build/sources" && jar cf "$base-sources.jar" dev)
platforms=$(unzip -Z1 "$jar" | sed -n 's|^\([^/]*\)/libiot_transfer_uniffi\.so$|\1|p' | sort | paste -sd, | sed 's/,/, /g')
{
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$group</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <packaging>jar</packaging>
  <name>iot-transfer</name>
  <description>The AWS IoT certificate-transfer API for Kotlin on the JVM (transfer, accept, reject, cancel, describe, list; suspend calls, builder DSL, Flow paginators), over one Rust core through uniffi. Native library inside for $platforms (JNA resource folders).</description>
  <url>$url</url>
  <licenses>
    <license>
      <name>$license</name>
$license_url
    </license>
  </licenses>
  <scm>
    <url>$url</url>
  </scm>
  <dependencies>
POM
  # Compile scope: the public API names their types (JNA's Pointer, coroutines' Flow).
  for coordinates in "${dependencies[@]}"; do
    IFS=: read -r dep_group dep_artifact dep_version <<<"$coordinates"
    printf '    <dependency>\n      <groupId>%s</groupId>\n      <artifactId>%s</artifactId>\n      <version>%s</version>\n    </dependency>\n' \
      "$dep_group" "$dep_artifact" "$dep_version"
  done
  printf '  </dependencies>\n</project>\n'
} >"$base.pom"
cat >"$repo/${group//.//}/$artifact/maven-metadata.xml" <<META
<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>$group</groupId>
  <artifactId>$artifact</artifactId>
  <versioning>
    <latest>$version</latest>
    <release>$version</release>
    <versions>
      <version>$version</version>
    </versions>
    <lastUpdated>$(date -u +%Y%m%d%H%M%S)</lastUpdated>
  </versioning>
</metadata>
META
for file in "$base.jar" "$base-sources.jar" "$base.pom" "$repo/${group//.//}/$artifact/maven-metadata.xml"; do
  for sum in md5 sha1 sha256 sha512; do
    "${sum}sum" "$file" | cut -d' ' -f1 | tr -d '\n' >"$file.$sum"
  done
done
echo "$dir"
