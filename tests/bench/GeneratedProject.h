// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace fondant::bench {

/// Writes a pipeline project as a real one is laid out, for benchmarks and whole-process
/// timings: FOLDER/pipeline.yaml with `steps` steps in a chain that branches every tenth step,
/// and a component spec of its own for each step in FOLDER/components/c<i>/. Every step after
/// the first reads `text` and writes one new field. Returns the pipeline's path, "" on failure.
QString writeGeneratedProject(int steps, const QString &folder);

} // namespace fondant::bench
