#!/usr/bin/env python3
# SPDX-FileCopyrightText: Fondant Studio contributors
# SPDX-License-Identifier: Apache-2.0
"""Writes the working-directory fixtures wd/ and wd-kfp/ as Fondant 0.12.1's executor leaves them
(see tools/fondant_runs.py).

    make_working_directories.py [PATH/TO/fondant-oracle]
"""
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "../../../tools"))
import fondant_runs  # noqa: E402
from fondant_runs import run, write_text  # noqa: E402

fondant_runs.start(sys.argv[1] if len(sys.argv) > 1 else HERE / "../../../../shared/tools/fondant-oracle")


def version(name):
    return HERE / "versions" / f"{name}.pipeline.yaml"


def main():
    wd = HERE / "wd"
    shutil.rmtree(wd, ignore_errors=True)
    run(wd, version("v1"), "20240422120000")  # fresh: every step executes
    run(wd, version("v1"), "20240422130000")  # unchanged: every step is reused
    run(wd, version("v2"), "20240423090000", record=True)  # trim_text's max_length 80 -> 60
    run(wd, version("v3"), "20240424090000", record=True)  # a branch, cache: false, a latest image
    run(wd, version("v4"), "20240425090000", fail_at="trim_text")  # max_length 40; trim crashes
    write_text(wd / "reviews" / "notes.txt", "not a run\n")  # stray files a user left there
    write_text(wd / "reviews" / "scratch" / "todo.txt", "a folder that is not a run\n")

    kfp = HERE / "wd-kfp"
    shutil.rmtree(kfp, ignore_errors=True)
    run(kfp, version("v1"), "20240501080000", folder="dataset")
    run(kfp, version("v2"), "20240502080000", folder="dataset")


main()
