"""Generate the Python code for every contract under proto/ into wulian/<package>/v1/.

python proto/generate.py            write the generated files
python proto/generate.py --check    fail when the committed files differ from the contracts
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from grpc_tools import protoc

PROTO_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PROTO_ROOT.parent
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")


def _protos() -> list[Path]:
    return sorted(PROTO_ROOT.rglob("*.proto"))


def generate(out_dir: Path) -> None:
    include = str(Path(protoc.__file__).parent / "_proto")
    for proto in _protos():
        args = [
            "protoc",
            f"-I{PROTO_ROOT}",
            f"-I{include}",
            f"--python_out={out_dir}",
            f"--pyi_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            str(proto.relative_to(PROTO_ROOT)),
        ]
        if protoc.main(args) != 0:
            raise SystemExit(f"protoc failed on {proto}")
    for package in {p.parent for p in (out_dir / "wulian").rglob("*_pb2.py")}:
        for folder in [package, *package.parents]:
            if folder == out_dir or out_dir not in folder.parents:
                break
            (folder / "__init__.py").touch()


def _generated_files(root: Path) -> set[Path]:
    return {p.relative_to(root) for s in GENERATED_SUFFIXES for p in (root / "wulian").rglob(f"*{s}")}


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(fresh)
        expected, present = _generated_files(fresh), _generated_files(PROJECT_ROOT)
        drift = sorted(str(p) for p in expected ^ present)
        drift += sorted(
            str(p) for p in expected & present if not filecmp.cmp(fresh / p, PROJECT_ROOT / p, shallow=False)
        )
    if drift:
        print("generated protobuf code is out of date; run `make proto`:", *drift, sep="\n  ", file=sys.stderr)
        return 1
    print("generated protobuf code matches proto/")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        return check()
    generate(PROJECT_ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
