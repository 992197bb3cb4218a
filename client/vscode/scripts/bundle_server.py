"""Fills ``client/vscode/bundled/libs`` with pyiq and every package it imports, for one target.

The VS Code extension starts the server as ``<python> bundled/tool/pyiq_server.py serve`` with
the interpreter the user already has (the Python extension's, or ``python3``), so nothing has to
be installed by hand. This is the layout of microsoft/vscode-python-tools-extension-template
(``pip install --target bundled/libs``), extended for native wheels: tree-sitter, rpds-py (for
jsonschema), PyYAML and frozendict have no ``abi3`` wheels, so the wheels for CPython 3.10 to 3.14
are installed one after the other and their extension modules, whose file names carry the
version (``_binding.cpython-312-x86_64-linux-gnu.so``), are merged into the same package folder:
each interpreter loads its own. The pure-Python files come from the 3.10 resolution, and the
other versions are pinned to the same releases so the files agree.

Native wheels are per platform, hence one .vsix per VS Code target (``vsce package --target``):

    python client/vscode/scripts/bundle_server.py --target linux-x64

Usage is through ``make vsix`` (``VSCE_TARGET=darwin-arm64 make vsix`` for another platform).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "client" / "vscode" / "bundled"
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")

# VS Code's platform targets and the wheel platform tags that run there (pip expands a macOS tag
# to the older macOS versions it admits).
PLATFORMS: dict[str, tuple[str, ...]] = {
    "linux-x64": ("manylinux2014_x86_64", "manylinux_2_28_x86_64"),
    "linux-arm64": ("manylinux2014_aarch64", "manylinux_2_28_aarch64"),
    "alpine-x64": ("musllinux_1_2_x86_64",),
    "alpine-arm64": ("musllinux_1_2_aarch64",),
    "darwin-x64": ("macosx_10_13_x86_64",),
    "darwin-arm64": ("macosx_11_0_arm64",),
    "win32-x64": ("win_amd64",),
    "win32-arm64": ("win_arm64",),
}
NATIVE_SUFFIXES = (".so", ".pyd")
# What environment markers see on each target (pip evaluates them for the interpreter running it,
# not for --python-version/--platform, so the bundle adds what other versions and systems need).
MARKER_SYSTEMS: dict[str, dict[str, str]] = {
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "alpine": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "darwin": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
    "win32": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
}


def pip_install(target: Path, platforms: tuple[str, ...], python: str, args: list[str]) -> None:
    """``pip install --target`` of binary wheels for another interpreter and platform."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target)]
    command += ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for platform in platforms:
        command += ["--platform", platform]
    subprocess.run([*command, *args], check=True)


def build_wheel(out: Path) -> Path:
    """The pyiq wheel of this checkout (questions included, as ``make dist`` builds it)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
    )
    (wheel,) = out.glob("pyiq-*.whl")
    return wheel


def distributions(libs: Path) -> dict[str, str]:
    """``name -> version`` of every distribution installed in ``libs``."""
    found: dict[str, str] = {}
    for info in libs.glob("*.dist-info"):
        meta = (info / "METADATA").read_text(encoding="utf-8").splitlines()
        fields = dict(line.split(": ", 1) for line in meta if ": " in line)
        found[fields["Name"]] = fields["Version"]
    return found


def native_distributions(libs: Path) -> dict[str, str]:
    """The distributions that installed an extension module, per their RECORD."""
    native: dict[str, str] = {}
    for info in libs.glob("*.dist-info"):
        record = (info / "RECORD").read_text(encoding="utf-8")
        if any(line.split(",", 1)[0].endswith(NATIVE_SUFFIXES) for line in record.splitlines()):
            meta = (info / "METADATA").read_text(encoding="utf-8").splitlines()
            fields = dict(line.split(": ", 1) for line in meta if ": " in line)
            native[fields["Name"]] = fields["Version"]
    return native


def missing_requirements(libs: Path, target: str) -> list[str]:
    """Requirements of the installed distributions that some target Python needs and lacks."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    installed = {canonicalize_name(name) for name in distributions(libs)}
    system = MARKER_SYSTEMS[target.split("-", 1)[0]]
    missing: set[str] = set()
    for info in libs.glob("*.dist-info"):
        meta = (info / "METADATA").read_text(encoding="utf-8").splitlines()
        for line in meta:
            if not line.startswith("Requires-Dist: "):
                continue
            requirement = Requirement(line.removeprefix("Requires-Dist: "))
            if canonicalize_name(requirement.name) in installed:
                continue
            for python in PYTHONS:
                env = {**system, "python_version": python, "python_full_version": f"{python}.0"}
                env["extra"] = ""
                if requirement.marker is None or requirement.marker.evaluate(env):
                    missing.add(str(requirement).split(";", 1)[0])
                    break
    return sorted(missing)


def bundle(target: str) -> dict[str, object]:
    platforms = PLATFORMS[target]
    libs = BUNDLED / "libs"
    shutil.rmtree(libs, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pyiq-bundle-") as tmp:
        work = Path(tmp)
        wheel = build_wheel(work / "wheel")
        pip_install(libs, platforms, PYTHONS[0], [str(wheel)])
        for _ in range(5):
            missing = missing_requirements(libs, target)
            if not missing:
                break
            pip_install(libs, platforms, PYTHONS[0], ["--no-deps", *missing])
        else:
            raise SystemExit(f"requirements still missing: {missing}")
        native = native_distributions(libs)
        pinned = [f"{name}=={version}" for name, version in sorted(native.items())]
        for python in PYTHONS[1:]:
            extra = work / python
            pip_install(extra, platforms, python, ["--no-deps", *pinned])
            for module in extra.rglob("*"):
                if module.suffix in NATIVE_SUFFIXES:
                    destination = libs / module.relative_to(extra)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(module, destination)
    shutil.rmtree(libs / "bin", ignore_errors=True)
    for cache in list(libs.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    manifest: dict[str, object] = {
        "target": target,
        "pythons": list(PYTHONS),
        "native": sorted(native),
        "packages": distributions(libs),
    }
    (libs / "pyiq-bundle.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--target", default="linux-x64", choices=sorted(PLATFORMS))
    args = parser.parse_args()
    manifest = bundle(args.target)
    packages = manifest["packages"]
    assert isinstance(packages, dict)
    print(
        f"bundled/libs for {args.target}: {len(packages)} packages, "
        f"native for CPython {', '.join(PYTHONS)}: {', '.join(manifest['native'])}"  # type: ignore[arg-type]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
