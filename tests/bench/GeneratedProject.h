// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace fondant {
class PipelineSession;
}

namespace fondant::bench {

/// Writes a pipeline project as a real one is laid out, for benchmarks and whole-process
/// timings: FOLDER/pipeline.yaml with `steps` steps in a chain that branches every tenth step,
/// and a component spec of its own for each step in FOLDER/components/c<i>/. Every step after
/// the first reads `text` and writes one new field. Returns the pipeline's path, "" on failure.
QString writeGeneratedProject(int steps, const QString &folder);

/// Writes text to path, creating its folder; stops the program when it cannot.
void writeTextFile(const QString &path, const std::string &text);
/// The id of the run-th generated run: bench-YYYYmmddHHMMSS, runs a minute apart.
std::string generatedRunId(int run);

/// Writes, into an empty working directory, one run of the pipeline in which every step
/// executed, as Fondant leaves it (manifests and reference files), with the studio's record of
/// the run.
void writeRecordedRun(const PipelineSession &session, const QString &workingDirectory);

/// A working directory as Fondant leaves it in FOLDER/bench after runs of a chain of steps in
/// which each run changes one step: that step and those after it execute, the ones before are
/// reused (manifests copied, reference files rewritten).
class GeneratedWorkingDirectory
{
public:
    GeneratedWorkingDirectory(QString folder, std::size_t steps, int runs);
    const QString &path() const { return m_folder; }
    /// Writes one more run.
    void addRun();

private:
    std::string keyOf(int step) const;

    QString m_folder;
    std::vector<int> m_versions; ///< how often each step's key changed
    std::vector<int> m_computedBy; ///< the run that computed each step's current output
    int m_runs = 0;
};

} // namespace fondant::bench
