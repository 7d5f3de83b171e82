#!/usr/bin/env python3
"""Writes a pipeline of N steps for whole-process timings, each step with a component spec of its
own on disk (as a real project has): a chain with a branch every tenth step.

    generate_pipeline.py N FOLDER   # writes FOLDER/pipeline.yaml and FOLDER/components/c<i>/
"""
import sys
from pathlib import Path


def spec(i):
    produces = "produces:\n  text:\n    type: string\n  score:\n    type: float32\n" if i == 0 \
        else f"produces:\n  f{i}:\n    type: int32\n"
    consumes = "" if i == 0 else "consumes:\n  text:\n    type: string\n"
    return (f"name: Component {i}\ndescription: Step {i} of a generated pipeline\n"
            f"image: registry.example.com/c{i}:1.{i % 7}\ntags: [Generated]\n{consumes}{produces}"
            "args:\n  threshold:\n    type: float\n    default: 0.5\n"
            "  label:\n    type: str\n    default: none\n")


def main():
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    for i in range(count):
        component = folder / "components" / f"c{i}"
        component.mkdir(parents=True, exist_ok=True)
        (component / "fondant_component.yaml").write_text(spec(i), encoding="utf-8")
    lines = ["version: 1", f"name: generated-{count}", "component_dirs: [./components]", "steps:"]
    for i in range(count):
        lines.append(f"  - id: c{i}")
        lines.append(f"    component: c{i}")
        if i > 0:
            parent = i - 2 if i % 10 == 0 and i >= 2 else i - 1
            lines.append(f"    input: c{parent}")
        lines.append(f"    arguments: {{threshold: {i / 1000}, label: step-{i}}}")
    (folder / "pipeline.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
