# SPDX-FileCopyrightText: Fondant Studio contributors
# SPDX-License-Identifier: Apache-2.0
"""Writes runs into working directories as Fondant 0.12.1's executor leaves them.

Keys, operation specs and manifests come from Fondant's own code (the fondant-oracle tool); the
executor's decision (load/skip/execute, cache reference files, manifests copied on a hit) follows
fondant/component/executor.py step by step. Component code does not run: a step that executes
writes a small stand-in part file where Fondant would write Parquet data.

A script calls start() first (it runs the script again with the oracle's Python path), then run()
once per run.
"""
import json
import os
import shutil
import sys
from pathlib import Path

_oracle = None
_Manifest = None


def start(oracle_folder: Path):
    """Makes Fondant's code importable, running the calling script again if needed."""
    global _oracle, _Manifest
    oracle_folder = Path(oracle_folder).resolve()
    if os.environ.get("FONDANT_ORACLE_READY") != "1":
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fondant-oracle"
        env = dict(os.environ, FONDANT_ORACLE_READY="1", PYTHONDONTWRITEBYTECODE="1",
                   PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION="python",
                   PYTHONPATH=os.pathsep.join([str(oracle_folder / "site"), str(cache)]))
        python = os.environ.get("FONDANT_ORACLE_PYTHON") or shutil.which("python3")
        os.execve(python, [python, sys.argv[0], *sys.argv[1:]], env)
    sys.path.insert(0, str(oracle_folder))
    import fondant_oracle
    from fondant.core.manifest import Manifest
    _oracle = fondant_oracle
    _Manifest = Manifest


# The absolute path the containers saw: reference files and manifests name it.
SEEN_AS = "/data/fondant-wd"


def is_write(operation):
    """A write component (Fondant's DaskWriteComponent): produces nothing and writes data out."""
    spec = operation.component_spec
    return not spec.produces and "Data writing" in (spec.tags or [])


def write_text(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(wd: Path, document: Path, stamp: str, folder=None, fail_at=None, record=False,
        components=()):
    """One run of a pipeline document with run id <name>-<stamp>, as the executor leaves it in
    the working directory wd. folder: the dataset folder the runner passes in --metadata (the
    dataset name; KFP passes "dataset"); fail_at: the component whose container dies while
    writing its manifest; record: write the studio's run record too; components: folders of
    components beyond the document's component_dirs."""
    oracle = _oracle
    Manifest = _Manifest
    doc, dataset, ids = oracle.build(document, tuple(components), stamp)
    keys = oracle.compute_keys(dataset)  # validates, which sorts the graph as the compilers do
    name = doc["name"]
    folder = folder or name
    run_id = f"{name}-{stamp}"
    local = lambda seen: wd / seen[len(SEEN_AS) + 1:]  # noqa: E731
    outputs = {}
    steps = []
    for component_id, info in dataset._graph.items():
        operation = info["operation"]
        key = keys[component_id]["cache_key"]
        output_path = f"{SEEN_AS}/{folder}/{run_id}/{component_id}/manifest.json"
        reference = wd / folder / "cache" / f"{key}.txt"
        steps.append({"id": next(s for s, c, _ in ids if c == component_id),
                      "component_id": component_id, "cache": operation.cache,
                      "writes": is_write(operation), "cache_key": key,
                      "preimages": keys[component_id]["preimages"]})
        if info["dependencies"]:
            upstream = outputs[info["dependencies"][0]]
            manifest = Manifest(json.loads(json.dumps(upstream._specification)))
            upstream_was_cached = manifest.run_id != run_id
        else:
            manifest = Manifest.create(dataset_name=folder, run_id=run_id,
                                       component_id=component_id, cache_key=key)
            upstream_was_cached = True
        output = None
        hit = False
        if operation.cache and upstream_was_cached and reference.exists():
            hit = True
            target = reference.read_text(encoding="utf-8")
            output = Manifest.from_file(local(target)) if target else None
        if not hit:
            step_folder = wd / folder / run_id / component_id
            if not is_write(operation):
                write_text(step_folder / "part.0.parquet", f"{component_id} rows of {run_id}\n" * 8)
            if component_id == fail_at:
                # The container died while writing its manifest: half a file, no reference file.
                text = json.dumps(manifest.evolve(operation.operation_spec, run_id=run_id,
                                                  working_directory=SEEN_AS)._specification)
                write_text(step_folder / "manifest.json", text[: len(text) // 2])
                break
            output = manifest.evolve(operation.operation_spec, run_id=run_id,
                                     working_directory=SEEN_AS)
        if output is not None and not is_write(operation):
            output._specification["metadata"]["manifest_location"] = output_path
            write_text(local(output_path), json.dumps(output._specification))
        outputs[component_id] = output
        write_text(reference, "" if is_write(operation) else output_path)
    if record:
        write_text(wd / ".fondant-studio" / "runs" / f"{run_id}.json", json.dumps(
            {"format": "fondant-studio-run-record", "version": 1, "run_id": run_id,
             "pipeline": name, "dataset_folder": folder, "working_directory": SEEN_AS,
             "steps": steps}, indent=1, ensure_ascii=False) + "\n")
