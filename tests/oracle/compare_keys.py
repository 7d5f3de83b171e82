#!/usr/bin/env python3
"""Compare our cache keys with Fondant's own on random pipeline documents.

    compare_keys.py --cli PATH [--count N] [--seed S] [--keep-failures DIR] [--oracle DIR]
                    [--reference-components DIR] [--exports] [--verbose]
    compare_keys.py --cli PATH --check-paths PIPELINE [--components DIR]...

For each seed S .. S+N-1, random_pipelines.py writes a document with its component specs into a
temporary folder. Fondant 0.12.1's own code, through the fondant-oracle
(../shared/tools/fondant-oracle next to the project; --oracle or FONDANT_ORACLE_DIR to choose),
computes every step's key and the four texts it hashes; a case that Fondant or the oracle refuses
is skipped, since we only compare on documents Fondant accepts. Then `PATH keys DOC --json
--preimages` must give, for every step, the same key and the same four texts. Failures are grouped
into classes (our CLI refused the document; or the first step whose key differs, by the first
differing text and the place in it), and saved with --keep-failures: the document, its
components, both outputs and the command that reproduces it. With --exports, every case whose keys
match is also exported to docker-compose, Kubeflow and Vertex by Fondant's compilers and by `PATH
export`: the files must read the same (ours with Compose's "$" escaped as "$$", and Kubeflow's CPU
settings where Fondant sends them to the memory fields left out), and a document Fondant refuses to
compile must be refused too; and the Fondant program we export, imported by Fondant, must give
Fondant's keys and our docker-compose file. The last line reads
`N passed, M failed, K skipped`.

Exit status: 0 when no case failed; 1 when a case failed or none could be compared; 2 on wrong
usage; 77 when the oracle cannot start (folder missing, no python3-protobuf, no python3 with
jsonschema>=4.18): the whole comparison is then reported as skipped, and CTest's SKIP_RETURN_CODE
(tests/oracle/CMakeLists.txt) shows the test as skipped rather than passed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ORACLE = HERE.parent.parent.parent / "shared" / "tools" / "fondant-oracle"
SKIP = 77
PREIMAGES = [("arguments", "arguments_text"), ("operation_spec", "operation_spec_text"),
             ("image", "image_text"), ("final", "final_text")]


def skip(reason):
    print(f"oracle comparison skipped: {reason}")
    print("0 passed, 0 failed, 1 skipped")
    sys.exit(SKIP)


def oracle_dir(args):
    return Path(args.oracle or os.environ.get("FONDANT_ORACLE_DIR") or DEFAULT_ORACLE).resolve()


def reexec_under_oracle(args):
    """Run this script again the way fondant_oracle.py runs itself (its _bootstrap): under a
    python3 with yaml and jsonschema>=4.18, with the oracle's site/ and a link to Debian's
    protobuf on PYTHONPATH, so that Fondant can be imported once for all cases."""
    folder = oracle_dir(args)
    if not (folder / "fondant_oracle.py").is_file() or not (folder / "site").is_dir():
        skip(f"no fondant-oracle in {folder} (set --oracle or FONDANT_ORACLE_DIR)")
    protobuf = Path("/usr/lib/python3/dist-packages/google/protobuf")
    if not protobuf.is_dir():
        skip("the oracle needs Debian's python3-protobuf (apt-get install python3-protobuf)")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fondant-oracle"
    link = cache / "google" / "protobuf"
    try:
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(protobuf)
    except OSError as e:
        skip(f"cannot link the protobuf package into {cache}: {e}")
    probe = "import yaml, jsonschema, referencing"
    for candidate in [os.environ.get("FONDANT_ORACLE_PYTHON"), "python3", "/usr/bin/python3"]:
        exe = candidate and shutil.which(candidate)
        if exe and subprocess.run([exe, "-c", probe], capture_output=True).returncode == 0:
            env = dict(os.environ, FONDANT_ORACLE_READY="1", PYTHONDONTWRITEBYTECODE="1",
                       PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION="python",
                       PYTHONPATH=os.pathsep.join([str(folder / "site"), str(cache)]),
                       FONDANT_ORACLE_DIR=str(folder))
            sys.stdout.flush()
            os.execve(exe, [exe, str(Path(__file__).resolve()), *sys.argv[1:]], env)
    skip("no python3 with yaml and jsonschema>=4.18 found (set FONDANT_ORACLE_PYTHON)")


# ---------------------------------------------------------------------------------------------
# Classifying a difference


# Keys that the hashed texts themselves define; any other key is a user's name.
_STRUCTURE = {"cache", "input_partition_rows", "operation_spec", "specification", "consumes",
              "produces", "name", "image", "description", "tags", "previous_index", "args",
              "type", "items", "format", "properties", "default", "base_image", "extra_requires",
              "script", "accelerator_name", "arguments", "node_pool_name",
              "number_of_accelerators", "operation_spec_hash", "previous_component_cache"}


def _kind(value):
    return "null" if value is None else type(value).__name__


def _generic(path):
    """A JSON path with user-chosen names and list indexes hidden, so that causes group."""
    return "/".join("[]" if isinstance(seg, int) else seg if seg in _STRUCTURE else "<name>"
                    for seg in path) or "(top)"


def first_difference(ours, theirs, path=()):
    """(path, description) of the first place where two JSON values differ, or None."""
    if isinstance(theirs, str) and isinstance(ours, str) and theirs.startswith("{"):
        try:  # operation_spec is JSON text inside the arguments
            return first_difference(json.loads(ours), json.loads(theirs), path)
        except ValueError:
            pass
    if type(ours) is not type(theirs):
        return path, f"Fondant {_kind(theirs)}, ours {_kind(ours)}"
    if isinstance(theirs, dict):
        if list(ours) != list(theirs):
            if set(ours) == set(theirs):
                return path, "key order"
            only_theirs = sorted(map(str, set(theirs) - set(ours)))[:3]
            only_ours = sorted(map(str, set(ours) - set(theirs)))[:3]
            return path, f"keys only in Fondant's: {only_theirs}, only in ours: {only_ours}"
        for key in theirs:
            found = first_difference(ours[key], theirs[key], path + (key,))
            if found:
                return found
        return None
    if isinstance(theirs, list):
        if len(ours) != len(theirs):
            return path, "list length"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            found = first_difference(a, b, path + (i,))
            if found:
                return found
        return None
    if ours == theirs or ours != ours and theirs != theirs:
        return None
    if isinstance(theirs, str):
        i = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                 min(len(ours), len(theirs)))
        char = theirs[i] if i < len(theirs) else ours[i]
        return path, f"text differs at U+{ord(char):04X}"
    return path, f"{_kind(theirs)} value"


def classify_text(preimage, ours, theirs):
    """A class name for two differing pre-image texts."""
    try:
        found = first_difference(json.loads(ours), json.loads(theirs))
    except ValueError:
        found = None
    if found is None:
        i = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                 min(len(ours), len(theirs)))
        return (f"{preimage}: same JSON value, other text "
                f"({theirs[i:i + 12]!r} vs {ours[i:i + 12]!r})")
    path, what = found
    return f"{preimage}: {_generic(path)} ({what})"


def diff_window(ours, theirs, width=70):
    i = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
             min(len(ours), len(theirs)))
    start = max(0, i - width)
    return (f"      at offset {i}\n      Fondant: {theirs[start:i + width]!r}\n"
            f"      ours:    {ours[start:i + width]!r}")


def normalise_message(message):
    """An error message with its quoted names and numbers replaced, to group refusals."""
    message = re.sub(r"'[^']*'", "'…'", " ".join(message.split()))
    return re.sub(r"\b\d+\b", "N", message)[:150]


# ---------------------------------------------------------------------------------------------
# One case


class Outcome:
    """The result of one case: status passed/failed/skipped, its class and details."""

    def __init__(self, status, klass="", detail="", fondant=None, ours=None):
        self.status, self.klass, self.detail = status, klass, detail
        self.fondant, self.ours = fondant, ours


def fondant_keys(oracle, case):
    """Fondant's keys and hashed texts per step, as fondant_oracle.py keys prints them."""
    _doc, dataset, ids = oracle.build(case.pipeline, case.component_dirs)
    keys = oracle.compute_keys(dataset)
    return [{"id": sid, "cache_key": keys[cid]["cache_key"], "preimages": keys[cid]["preimages"]}
            for sid, cid, _component in ids]


def cli_command(cli, case, relative=False):
    dirs = ["components" if relative else d for d in case.component_dirs]
    doc = case.pipeline.name if relative else str(case.pipeline)
    options = [x for d in dirs for x in ("--components", d)]
    return [cli, "keys", doc, "--json", "--preimages"] + options


def run_case(oracle, cli, case):
    """Fondant's keys, then ours; the first difference decides the class of a failure."""
    try:
        fondant = fondant_keys(oracle, case)
    except Exception as e:  # noqa: BLE001 - any refusal by Fondant or the oracle skips the case
        return Outcome("skipped", f"{type(e).__name__}: {normalise_message(str(e))[:80]}")
    try:
        proc = subprocess.run(cli_command(cli, case), capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return Outcome("failed", "our CLI timed out", fondant=fondant)
    except OSError as e:
        return Outcome("failed", f"our CLI could not run: {e.strerror}", str(e), fondant)
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0:
        return Outcome("failed", f"our CLI crashed (signal {-proc.returncode})", stderr, fondant,
                       stderr)
    if proc.returncode != 0:
        errors = [line for line in stderr.splitlines() if ": error: " in line]
        first = errors[0].split(": error: ", 1)[1] if errors else stderr.strip()[:200]
        return Outcome("failed", "our CLI refused: " + normalise_message(first),
                       "\n".join(errors[:4]) or stderr[:500], fondant, stderr)
    out = proc.stdout.decode("utf-8", "replace")
    try:
        ours = json.loads(out)["steps"]
    except (ValueError, KeyError, TypeError):
        return Outcome("failed", "our CLI printed no JSON steps", out[:500], fondant, out)
    if [s["id"] for s in ours] != [s["id"] for s in fondant]:
        return Outcome("failed", "step ids differ", f"Fondant {[s['id'] for s in fondant]}, "
                       f"ours {[s['id'] for s in ours]}", fondant, out)
    for theirs, mine in zip(fondant, ours):
        pre = mine.get("preimage") or {}
        for name, our_name in PREIMAGES:
            a, b = pre.get(our_name), theirs["preimages"][name]
            if a != b:
                if a is None:
                    return Outcome("failed", "our CLI computed no key", theirs["id"], fondant, out)
                detail = f"    step {theirs['id']!r}, {name} pre-image\n" + diff_window(a, b)
                klass = classify_text(name, a, b)
                twins = [s["id"] for s in fondant
                         if s is not theirs and s["preimages"]["arguments"] == b]
                if name == "arguments" and twins:
                    # only one dict object shared by two steps (a YAML alias) gives this
                    klass = "arguments: Fondant hashes the same arguments for two steps"
                    detail += f"\n      (Fondant's text equals that of step {twins[0]!r})"
                return Outcome("failed", "key differs, " + klass, detail, fondant, out)
        if mine.get("cache_key") != theirs["cache_key"]:
            return Outcome("failed", "key differs with equal pre-images", theirs["id"], fondant,
                           out)
    return Outcome("passed")


EXPORT_STAMP = "20240422120000"
EXPORT_WORKING_DIRECTORY = "gs://bucket/wd"


def compose_escaped(value):
    """What our file holds for a value of Fondant's: Compose reads "$$" as "$"."""
    if isinstance(value, str):
        return value.replace("$", "$$")
    if isinstance(value, list):
        return [compose_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: compose_escaped(v) for k, v in value.items()}
    return value


def without_cpu_settings(documents):
    """A Kubeflow file without CPU and memory settings: Fondant passes CPU values to KFP's memory
    setters, we to its CPU setters (a documented difference), so where a step sets CPU they
    cannot be compared."""
    for executor in documents[0]["deploymentSpec"]["executors"].values():
        resources = executor["container"].get("resources", {})
        for key in ("cpuLimit", "cpuRequest", "memoryLimit", "memoryRequest"):
            resources.pop(key, None)
        if "resources" in executor["container"] and not resources:
            del executor["container"]["resources"]
    return documents


def uses_cpu(doc):
    return any(isinstance(step, dict) and isinstance(step.get("resources"), dict)
               and ({"cpu_request", "cpu_limit"} & set(step["resources"]))
               for step in doc.get("steps") or [])


def compare_export(oracle, cli, case, target):
    """Fondant's compiler output and our export of the same document, read as YAML."""
    import yaml
    from fondant.dataset.compiler import DockerCompiler, KubeFlowCompiler, VertexCompiler
    compiler = {"compose": DockerCompiler, "kfp": KubeFlowCompiler, "vertex": VertexCompiler}
    doc, dataset, _ids = oracle.build(case.pipeline, case.component_dirs, stamp=EXPORT_STAMP)
    theirs_path = case.folder / f"fondant-{target}.yml"
    refusal = None
    try:
        compiler[target]().compile(dataset, working_directory=EXPORT_WORKING_DIRECTORY,
                                   output_path=str(theirs_path))
    except Exception as e:  # noqa: BLE001 - Fondant refuses to compile: so must we
        refusal = f"{type(e).__name__}: {normalise_message(str(e))[:80]}"
    ours_path = case.folder / f"our-{target}.yml"
    command = [cli, "export", str(case.pipeline), "--target", target, "-o", str(ours_path),
               "--working-directory", EXPORT_WORKING_DIRECTORY,
               "--run-id", f"{doc.get('name')}-{EXPORT_STAMP}"]
    command += [x for d in case.component_dirs for x in ("--components", d)]
    # A remote working directory's run record goes to the user's data folder: keep it here.
    env = dict(os.environ, XDG_DATA_HOME=str(case.folder / "data"))
    proc = subprocess.run(command, capture_output=True, timeout=120, env=env)
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode == 1 and "cannot name a folder of the working directory" in stderr:
        # Fondant writes such a component id into paths as it is; we refuse it on purpose.
        return Outcome("skipped", f"{target}: a component id that is no safe folder name")
    if proc.returncode == 1 and "cannot name a Docker Compose service" in stderr:
        # Fondant writes it as the service's name, which Compose refuses; so do we.
        return Outcome("skipped", f"{target}: a component id that is no Compose service name")
    if refusal is not None:
        if proc.returncode == 1:
            return Outcome("passed")
        if "reads it back as text" in stderr:
            # A number default the KFP SDK cannot take from Fondant: we write it, and warn.
            return Outcome("skipped", f"{target}: a number default Fondant cannot compile")
        if target == "kfp" and "Invalid memory string" in refusal and uses_cpu(doc):
            # Fondant hands CPU settings to KFP's memory check ("500m" fails it); we do not.
            return Outcome("skipped", "kfp: Fondant checks a CPU setting as a memory size")
        return Outcome("failed", f"{target}: Fondant refuses to compile, our CLI exited "
                       f"{proc.returncode}", refusal, ours=stderr)
    if proc.returncode != 0:
        errors = [line.split(": error: ", 1)[1] for line in stderr.splitlines()
                  if ": error: " in line]
        return Outcome("failed", f"{target}: our CLI refused: "
                       + normalise_message(errors[0] if errors else stderr[:200])[:100],
                       stderr[:500], ours=stderr)
    theirs = list(yaml.safe_load_all(theirs_path.read_text(encoding="utf-8")))
    ours = list(yaml.safe_load_all(ours_path.read_text(encoding="utf-8")))
    if target == "compose":
        theirs = compose_escaped(theirs)
    elif target == "kfp" and uses_cpu(doc):
        theirs, ours = without_cpu_settings(theirs), without_cpu_settings(ours)
    if ours == theirs:
        return Outcome("passed")
    where = first_difference(ours, theirs)
    return Outcome("failed", f"{target}: files differ at {where[0][:3]}", repr(where)[:1500],
                   ours=ours_path.read_text(encoding="utf-8"))


def compare_python(oracle, cli, case):
    """Our Fondant program for the document, imported and compiled by Fondant's own code: it
    must give Fondant's keys for the document, and the docker-compose file of our compose
    export (compared when that export was written)."""
    import importlib.util

    import yaml
    from fondant.dataset import Dataset
    from fondant.dataset.compiler import DockerCompiler
    program = case.folder / "program" / "pipeline.py"
    program.parent.mkdir(exist_ok=True)
    command = [cli, "export", str(case.pipeline), "--target", "python", "-o", str(program)]
    command += [x for d in case.component_dirs for x in ("--components", d)]
    proc = subprocess.run(command, capture_output=True, timeout=120)
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode == 1 and "Dataset.create takes no consumes mapping" in stderr:
        # The oracle drops such a mapping; our key holds it, so no program can give it.
        return Outcome("skipped", "python: a consumes mapping on the first step")
    if proc.returncode != 0:
        errors = [line.split(": error: ", 1)[1] for line in stderr.splitlines()
                  if ": error: " in line]
        return Outcome("failed", "python: our CLI refused: "
                       + normalise_message(errors[0] if errors else stderr[:200])[:100],
                       stderr[:500], ours=stderr)
    expected = [step["cache_key"] for step in fondant_keys(oracle, case)]
    oracle.freeze_run_id(EXPORT_STAMP)
    cwd = os.getcwd()
    os.chdir(program.parent)  # the program names components inside its folder relatively
    try:
        spec = importlib.util.spec_from_file_location(f"program_{id(case)}", program)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        # As `fondant compile` picks it: the module's first Dataset.
        dataset = next(v for v in vars(module).values() if isinstance(v, Dataset))
        keys = [k["cache_key"] for k in oracle.compute_keys(dataset).values()]
        theirs_path = program.parent / "fondant-compose.yml"
        ours_path = case.folder / "our-compose.yml"
        if ours_path.exists():  # Fondant's compiler refuses what our export refused
            DockerCompiler().compile(dataset, working_directory=EXPORT_WORKING_DIRECTORY,
                                     output_path=str(theirs_path))
    except Exception as e:  # noqa: BLE001 - Fondant refuses our program
        return Outcome("failed", f"python: Fondant refuses the program: {type(e).__name__}",
                       normalise_message(str(e))[:500], ours=program.read_text(encoding="utf-8"))
    finally:
        os.chdir(cwd)
    if keys != expected:
        return Outcome("failed", "python: the program gives other keys",
                       f"program {keys}\nFondant {expected}",
                       ours=program.read_text(encoding="utf-8"))
    if ours_path.exists():
        theirs = compose_escaped(yaml.safe_load(theirs_path.read_text(encoding="utf-8")))
        ours = yaml.safe_load(ours_path.read_text(encoding="utf-8"))
        if ours != theirs:
            where = first_difference(ours, theirs)
            return Outcome("failed", f"python: its compose file differs at {where[0][:3]}",
                           repr(where)[:1500], ours=program.read_text(encoding="utf-8"))
    return Outcome("passed")


def compare_import(cli, case, target):
    """Our export of the case imported back: every step's key the same, unless the file cannot
    hold an ingredient of it (Compose: node pools; both: mapping keys that are not text)."""
    compiled = case.folder / f"our-{target}.yml"
    if not compiled.exists():
        return Outcome("skipped", f"import {target}: no export")
    document = case.folder / f"imported-{target}" / "p.pipeline.yaml"
    proc = subprocess.run([cli, "import", str(compiled), "-o", str(document)],
                          capture_output=True, timeout=120)
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0 and "Infinity" in compiled.read_text(encoding="utf-8"):
        # A list or mapping argument holding inf or nan: JSON has no such numbers.
        return Outcome("skipped", f"import {target}: a non-finite number in a list or mapping")
    if proc.returncode != 0 and "invalid string: surrogate" in stderr:
        # JSON text of a lone UTF-16 surrogate, which Python reads and our JSON reader does not.
        return Outcome("skipped", f"import {target}: a lone surrogate in JSON")
    if proc.returncode != 0:
        errors = [line.split(": error: ", 1)[1] for line in stderr.splitlines()
                  if ": error: " in line]
        return Outcome("failed", f"import {target}: our CLI refused its own export: "
                       + normalise_message(errors[0] if errors else stderr[:200])[:100],
                       stderr[:1500])
    differing = [line for line in stderr.splitlines() if "carries the cache key" in line]
    if not differing:
        return Outcome("passed")
    text = case.pipeline.read_text(encoding="utf-8")
    for spec in case.folder.glob("**/fondant_component.yaml"):
        if "imported-" not in str(spec):
            text += "\n" + spec.read_text(encoding="utf-8", errors="replace")
    if target == "compose" and "node_pool_name" in text:
        return Outcome("skipped", "import compose: a node pool, which Compose files lack")
    if re.search(r"[\s{,](?:[-+]?[\d.]+(?:e[-+]?\d+)?|[-+]?\.inf|\.nan|true|false|null|~)\s*:", text, re.IGNORECASE):
        return Outcome("skipped", f"import {target}: a mapping key that is not text")
    return Outcome("failed", f"import {target}: a key differs", "\n".join(differing)[:1500])


def compare_exports(oracle, cli, case):
    """The first failing target's outcome; passed when one target passed and none failed."""
    outcomes = [compare_export(oracle, cli, case, target)
                for target in ("compose", "kfp", "vertex")]
    outcomes.append(compare_python(oracle, cli, case))
    outcomes += [compare_import(cli, case, target) for target in ("compose", "kfp")]
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        return failed[0]
    if any(o.status == "passed" for o in outcomes):
        return Outcome("passed")
    return outcomes[0]


def check_paths(cli, document, components):
    """Exports a document to docker-compose and Kubeflow with our CLI and replays, with Fondant's
    own Manifest and OperationSpec, where each step's executor would put its data: in the folder
    of the manifest it writes, under the component id of its metadata, and in a folder of its own
    (a component used by two steps included). Returns the problems found."""
    import tempfile
    import yaml
    from fondant.core.component_spec import OperationSpec
    from fondant.core.manifest import Manifest
    problems = []
    with tempfile.TemporaryDirectory(prefix="export-paths-") as tmp:
        for target in ("compose", "kfp"):
            output = Path(tmp) / f"{target}.yml"
            command = [cli, "export", document, "--target", target, "-o", str(output),
                       "--working-directory", EXPORT_WORKING_DIRECTORY]
            command += [x for d in components for x in ("--components", d)]
            proc = subprocess.run(command, capture_output=True, text=True,
                                  env=dict(os.environ, XDG_DATA_HOME=tmp))
            if proc.returncode != 0:
                problems.append(f"{target}: our CLI exited {proc.returncode}: {proc.stderr[-300:]}")
                continue
            spec = next(yaml.safe_load_all(output.read_text(encoding="utf-8")))
            if target == "compose":
                commands = {name: service["command"] for name, service in spec["services"].items()}
                arguments = {name: dict(zip(c[::2], c[1::2])) for name, c in commands.items()}
                arguments = {name: {k[2:]: v.replace("$$", "$") for k, v in a.items()}
                             for name, a in arguments.items()}
            else:
                arguments = {name: {k: v["runtimeValue"]["constant"]
                                    for k, v in task["inputs"]["parameters"].items()}
                             for name, task in spec["root"]["dag"]["tasks"].items()}
            folders = {}
            for name, args in arguments.items():
                metadata = json.loads(args["metadata"])
                operation = OperationSpec.from_json(args["operation_spec"])
                manifest = Manifest.create(dataset_name=metadata["dataset_name"],
                                           run_id=metadata["run_id"],
                                           component_id=metadata["component_id"],
                                           cache_key=metadata["cache_key"])
                evolved = manifest.evolve(operation, run_id=metadata["run_id"],
                                          working_directory=args["working_directory"])
                data = evolved.index.location
                written = args["output_manifest_path"].rsplit("/", 1)[0]
                if data != written:
                    problems.append(f"{target} {name}: data in {data}, manifest in {written}")
                if evolved.component_id != metadata["component_id"]:
                    problems.append(f"{target} {name}: the manifest names {evolved.component_id},"
                                    f" the metadata {metadata['component_id']}")
                if data in folders:
                    problems.append(f"{target}: {name} and {folders[data]} both write {data}")
                folders[data] = name
            print(f"{target}: {len(folders)} steps, each writing its own folder")
    return problems


def save_failure(folder, seed, case, outcome, cli):
    """Keep a failing case: document, components, both outputs, class and command."""
    target = folder / f"seed-{seed}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(case.folder, target)
    (target / "fondant.json").write_text(json.dumps(outcome.fondant, indent=2) + "\n")
    (target / "ours.txt").write_text(outcome.ours or "", encoding="utf-8")  # output or errors
    command = " ".join(cli_command(cli, case, relative=True))
    (target / "report.txt").write_text(
        f"seed {seed}: {outcome.klass}\n{outcome.detail}\n\nfeatures: "
        f"{', '.join(sorted(case.features))}\nreproduce (in this folder): {command}\n",
        encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="the fondant-studio-cli executable")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1, help="first seed")
    ap.add_argument("--keep-failures", help="folder to save failing cases in")
    ap.add_argument("--oracle", help="the fondant-oracle folder")
    ap.add_argument("--reference-components",
                    help="real component specs cases may use (default: the oracle's library)")
    ap.add_argument("--verbose", action="store_true", help="print every case")
    ap.add_argument("--exports", action="store_true",
                    help="also compare the exported files of every case whose keys match")
    ap.add_argument("--check-paths", metavar="PIPELINE",
                    help="instead of random cases: export PIPELINE and check, with Fondant's code, "
                         "where each step's data would go")
    ap.add_argument("--components", action="append", default=[],
                    help="component folder for --check-paths (may repeat)")
    args = ap.parse_args()
    if not os.access(args.cli, os.X_OK):
        ap.error(f"--cli {args.cli} is not an executable")
    if os.environ.get("FONDANT_ORACLE_READY") != "1":
        reexec_under_oracle(args)
    if args.check_paths:
        sys.path.insert(0, str(oracle_dir(args)))
        problems = check_paths(args.cli, args.check_paths, args.components)
        for problem in problems:
            print("FAIL " + problem)
        print(f"\n{0 if problems else 1} passed, {1 if problems else 0} failed, 0 skipped")
        return 1 if problems else 0

    sys.path.insert(0, str(oracle_dir(args)))
    try:
        import fondant_oracle as oracle  # imports Fondant once for all cases
        import random_pipelines
    except Exception as e:  # noqa: BLE001
        skip(f"the oracle cannot start: {type(e).__name__}: {e}")
    reference = args.reference_components or oracle.DEFAULT_LIBRARY
    keep = Path(args.keep_failures) if args.keep_failures else None

    counts = defaultdict(int)
    classes = defaultdict(list)  # class -> [(seed, detail)]
    skipped = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="oracle-keys-") as tmp:
        for seed in range(args.seed, args.seed + args.count):
            case = random_pipelines.generate_case(seed, Path(tmp) / f"seed-{seed}", reference)
            outcome = run_case(oracle, args.cli, case)
            if outcome.status == "passed" and args.exports:
                outcome = compare_exports(oracle, args.cli, case)
            counts[outcome.status] += 1
            if outcome.status == "skipped":
                skipped[outcome.klass].append(seed)
            elif outcome.status == "failed":
                classes[outcome.klass].append((seed, outcome.detail))
                if keep:
                    save_failure(keep, seed, case, outcome, args.cli)
            if args.verbose:
                print(f"seed {seed}: {outcome.status} {outcome.klass}")
            shutil.rmtree(case.folder)

    for klass, seeds in sorted(skipped.items(), key=lambda kv: -len(kv[1])):
        print(f"skipped {len(seeds)}x (refused by Fondant or the oracle): {klass}  "
              f"seeds {seeds[:8]}")
    for klass, cases in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"\nFAIL {len(cases)}x {klass}\n    seeds {[s for s, _ in cases][:12]}")
        print(cases[0][1].rstrip()[:1500])
    if keep and classes:
        print(f"\nfailing cases saved in {keep}")
    compared = counts["passed"] + counts["failed"]
    if not compared:
        print("\nno case could be compared: Fondant refused every generated document")
    print(f"\n{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 1 if counts["failed"] or not compared else 0


if __name__ == "__main__":
    sys.exit(main())
