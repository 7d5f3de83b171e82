#!/usr/bin/env python3
# SPDX-FileCopyrightText: Fondant Studio contributors
# SPDX-License-Identifier: Apache-2.0
"""Writes fondant-wd/, the working directory of the bundled example, as Fondant 0.12.1's executor
leaves it (see tools/fondant_runs.py): four runs of earlier versions of reviews.pipeline.yaml, so
that the designer has a history to show on first launch.

    make_example_working_directory.py [PATH/TO/fondant-oracle]
"""
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "../../tools"))
import fondant_runs  # noqa: E402
from fondant_runs import run  # noqa: E402

fondant_runs.start(sys.argv[1] if len(sys.argv) > 1 else HERE / "../../../shared/tools/fondant-oracle")

EXAMPLE = (HERE / "reviews.pipeline.yaml").read_text(encoding="utf-8")
COMPONENTS = HERE / "../components"
# The example writes with write_parquet twice. Fondant keys its graph by component name, so the
# studio's exports give the second use its own name ("Write parquet write_languages"); the runs
# are of that exported pipeline.
SECOND_WRITE = ("    component: write_parquet\n    input: detect_language\n",
                "    component: write_parquet_write_languages\n    input: detect_language\n")


def renamed_writer(folder: Path):
    """The component the export makes of the second write_parquet, in folder."""
    spec = (COMPONENTS / "write_parquet" / "fondant_component.yaml").read_text(encoding="utf-8")
    assert spec.startswith("name: Write parquet\n")
    target = folder / "write_parquet_write_languages" / "fondant_component.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(spec.replace("name: Write parquet\n",
                                   "name: Write parquet write_languages\n", 1), encoding="utf-8")


def version(folder: Path, name: str, *edits):
    """The example with (old, new) text replacements, written to folder/name.pipeline.yaml."""
    text = EXAMPLE
    for old, new in (SECOND_WRITE, *edits):
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / f"{name}.pipeline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def main():
    wd = HERE / "fondant-wd"
    shutil.rmtree(wd, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        renamed_writer(scratch / "components")
        components = [COMPONENTS, scratch / "components"]
        first = version(scratch, "first", ("min_characters: 40", "min_characters: 20"))
        stricter = version(scratch, "stricter", ("min_characters: 40", "min_characters: 30"))
        uncached = version(scratch, "uncached", ("min_characters: 40", "min_characters: 30"),
                           ("    component: detect_language\n",
                            "    component: detect_language\n    cache: false\n"))
        # Every step executes; exported from the studio, so it has a record.
        run(wd, first, "20261120090000", record=True, components=components)
        # Unchanged: every step is reused.
        run(wd, first, "20261121090000", components=components)
        # min_characters 20 -> 30: the filter and what follows re-run, detect_language too,
        # since its key chains on write_embeddings (Fondant's call order).
        run(wd, stricter, "20261124090000", record=True, components=components)
        # cache: false on detect_language: it runs again, and so does what reads it.
        run(wd, uncached, "20261126090000", record=True, components=components)


main()
