#!/usr/bin/env python3
"""Writes the expected exports of the documents in this folder with Fondant 0.12.1's own compilers
(through ../shared/tools/fondant-oracle): expected/NAME.compose.local.yml (working directory
/data/fondant-wd, which Fondant's compiler creates) and expected/NAME.compose.remote.yml
(gs://bucket/wd), run id NAME-20240422120000. The build contexts they hold are this machine's
paths; the tests compare them as the component folders they name.

    python3 tests/data/export/make_expected_exports.py [--oracle DIR]
"""
import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORACLE = HERE.parents[3] / "shared" / "tools" / "fondant-oracle" / "fondant_oracle.py"
TARGETS = {"local": "/data/fondant-wd", "remote": "gs://bucket/wd"}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oracle", default=str(ORACLE), help="fondant_oracle.py")
    args = ap.parse_args()
    (HERE / "expected").mkdir(exist_ok=True)
    for document in sorted(HERE.glob("*.pipeline.yaml")):
        name = document.name.removesuffix(".pipeline.yaml")
        for kind, working_directory in TARGETS.items():
            output = HERE / "expected" / f"{name}.compose.{kind}.yml"
            subprocess.run([sys.executable, args.oracle, "compile", str(document),
                            "--target", "docker", "-o", str(output),
                            "--working-directory", working_directory,
                            "--run-id", f"{name}-20240422120000"], check=True)
            print(output.relative_to(HERE))


if __name__ == "__main__":
    main()
