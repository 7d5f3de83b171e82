#!/usr/bin/env python3
"""Writes the expected exports of the documents in this folder with Fondant 0.12.1's own compilers
(through ../shared/tools/fondant-oracle): expected/NAME.compose.local.yml (working directory
/data/fondant-wd, which Fondant's compiler creates), expected/NAME.compose.remote.yml and
expected/NAME.kfp.yml (gs://bucket/wd), run id NAME-20240422120000. The build contexts they hold are this machine's
paths; the tests compare them as the component folders they name.

    python3 tests/data/export/make_expected_exports.py [--oracle DIR]
"""
import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORACLE = HERE.parents[3] / "shared" / "tools" / "fondant-oracle" / "fondant_oracle.py"
TARGETS = {"compose.local": ("docker", "/data/fondant-wd"),
           "compose.remote": ("docker", "gs://bucket/wd"),
           "kfp": ("kubeflow", "gs://bucket/wd")}
# Fondant's KFP compiler refuses tricky (a null inside a list) and sends kubeflow's CPU
# settings to the memory fields ("500m" is no memory size): each is compiled where it can be.
DOCUMENTS = {"tricky": ["compose.local", "compose.remote"], "kubeflow": ["kfp"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oracle", default=str(ORACLE), help="fondant_oracle.py")
    args = ap.parse_args()
    (HERE / "expected").mkdir(exist_ok=True)
    for name, kinds in DOCUMENTS.items():
        document = HERE / f"{name}.pipeline.yaml"
        for kind in kinds:
            target, working_directory = TARGETS[kind]
            output = HERE / "expected" / f"{name}.{kind}.yml"
            subprocess.run([sys.executable, args.oracle, "compile", str(document),
                            "--target", target, "-o", str(output),
                            "--working-directory", working_directory,
                            "--run-id", f"{name}-20240422120000"], check=True)
            print(output.relative_to(HERE))


if __name__ == "__main__":
    main()
