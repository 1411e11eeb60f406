"""Resolves the Kotlin bindings as a Maven consumer would, from local repositories only.

Reads the artifact's POM (which must be well-formed and name the artifact it sits beside), checks
the artifact's files against their .sha1 and .sha256 checksums, finds each dependency the POM
declares (compile and runtime scope) by its coordinates in the given repositories, and prints the
class path: the artifact's jar, then its dependencies' jars. Anything missing is an error.

Usage: resolve.py REPO GROUP:ARTIFACT:VERSION DEPENDENCY_REPO...
"""

import hashlib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def fail(message: str) -> None:
    sys.exit(f"resolve: {message}")


def artifact_dir(repo: Path, group: str, artifact: str, version: str) -> Path:
    return repo.joinpath(*group.split("."), artifact, version)


def check_sums(path: Path) -> None:
    for name in ("sha1", "sha256"):
        recorded = path.with_name(f"{path.name}.{name}")
        if not recorded.is_file():
            fail(f"{recorded} is missing")
        if recorded.read_text().strip() != hashlib.new(name, path.read_bytes()).hexdigest():
            fail(f"{path.name} does not match its {name}")


def text(element: ET.Element, tag: str) -> str:
    found = element.find(f"m:{tag}", NS)
    if found is None or not (found.text or "").strip():
        fail(f"<{tag}> is missing from {element.tag}")
    return found.text.strip()


def main() -> None:
    if len(sys.argv) < 4:
        fail(__doc__.strip().splitlines()[-1])
    repo, coordinates, dependency_repos = Path(sys.argv[1]), sys.argv[2], [Path(p) for p in sys.argv[3:]]
    group, artifact, version = coordinates.split(":")
    folder = artifact_dir(repo, group, artifact, version)
    pom_path, jar = folder / f"{artifact}-{version}.pom", folder / f"{artifact}-{version}.jar"
    for path in (pom_path, jar, folder / f"{artifact}-{version}-sources.jar"):
        if not path.is_file():
            fail(f"{path} is missing")
        check_sums(path)
    try:
        pom = ET.parse(pom_path).getroot()
    except ET.ParseError as error:
        fail(f"{pom_path.name} is not well-formed XML: {error}")
    if pom.tag != f"{{{NS['m']}}}project" or text(pom, "modelVersion") != "4.0.0":
        fail(f"{pom_path.name} is not a Maven 4.0.0 POM")
    if (text(pom, "groupId"), text(pom, "artifactId"), text(pom, "version")) != (group, artifact, version):
        fail(f"{pom_path.name} names another artifact than {coordinates}")
    if text(pom, "packaging") != "jar":
        fail(f"{pom_path.name} does not package a jar")
    classpath = [jar]
    for dependency in pom.findall("m:dependencies/m:dependency", NS):
        scope = (dependency.findtext("m:scope", "compile", NS) or "compile").strip()
        if scope not in ("compile", "runtime") or (dependency.findtext("m:optional", "false", NS) or "").strip() == "true":
            continue
        coords = [text(dependency, tag) for tag in ("groupId", "artifactId", "version")]
        name = f"{coords[1]}-{coords[2]}.jar"
        found = [d / name for d in (artifact_dir(r, *coords) for r in dependency_repos) if (d / name).is_file()]
        if not found:
            fail(f"{':'.join(coords)} is in no repository of {[str(r) for r in dependency_repos]}")
        classpath.append(found[0])
    print(":".join(str(path) for path in classpath))


if __name__ == "__main__":
    main()
