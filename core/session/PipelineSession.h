// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cache/PipelineKeys.h"
#include "core/graph/PipelineAnalysis.h"
#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentResolver.h"
#include "core/util/Result.h"

#include <QStringList>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fondant {

/// A pipeline with everything computed from it: the problems found reading it, its components
/// (specs shared through SpecCache), its analysis and its cache keys. It is the one path from a
/// file to keys: the command-line tool and the designer's document both work through it, and
/// an edit recomputes only what it can affect.
class PipelineSession
{
public:
    explicit PipelineSession(QStringList extraComponentDirs = {});

    /// Reads a pipeline file (steps without an id get their component's id) and analyses it;
    /// the problems that kept it from being read otherwise.
    static Result<PipelineSession> open(
        const QString &path, const QStringList &extraComponentDirs = {});

    /// A version of a pipeline file given as its text (from version control, say), read and
    /// analysed as if it were the file at path.
    static Result<PipelineSession> fromText(
        std::string_view text, const QString &path, const QStringList &extraComponentDirs = {});
    const Pipeline &pipeline() const { return m_pipeline; }
    const PipelineAnalysis &analysis() const { return m_analysis; }
    const PipelineKeys &keys() const { return m_keys; }
    const ComponentResolver &resolver() const { return m_resolver; }
    const Diagnostics &readDiagnostics() const { return m_readDiagnostics; }
    const QStringList &extraComponentDirs() const { return m_extraComponentDirs; }
    /// Problems found reading the file, then by the analysis, then computing keys.
    Diagnostics diagnostics() const;
    bool hasErrors() const;
    /// Index of the step with this id, or -1 (constant time).
    int indexOf(const std::string &id) const { return m_analysis.graph.indexOf(id); }
    const CacheKey *key(int index) const;
    /// The problems of one step: those the pipeline's checks and the keys found about it, and
    /// the step's own, in that order. Costs what the step has, not what the pipeline has.
    Diagnostics diagnosticsOf(int index) const;

    /// Replaces the whole pipeline and recomputes everything.
    void reset(Pipeline pipeline, Diagnostics readDiagnostics = {});
    /// Where the pipeline lives: relative component folders resolve against it.
    void setFilePath(const std::string &absolutePath);
    void setExtraComponentDirs(const QStringList &dirs);
    /// Forgets the problems found reading the file (once it has been saved).
    void clearReadDiagnostics() { m_readDiagnostics.clear(); }

    /// The steps an edit recomputed, as indexes in call order.
    struct StepChanges
    {
        std::vector<int> analysed; ///< analysed and keyed again
        std::vector<int> rekeyed; ///< only the key changed, because a key it chains on did
        bool operator==(const StepChanges &) const = default;
    };

    // Edits. Those that can change the graph recompute everything; replaceStep recomputes the
    // step, the steps it feeds and the keys chained after it. insertStep returns the indexes of
    // the steps whose analysis or key may have changed.
    std::vector<int> insertStep(int index, Step step, std::optional<Point> position);
    Step removeStep(int index);
    StepChanges replaceStep(int index, Step step);
    /// Whether replacing before by after keeps the graph (same id, input and component), so
    /// that replaceStep recomputes only what the step affects.
    static bool keepsShape(const Step &before, const Step &after);
    void renameStep(int index, const std::string &newId);
    void moveStep(int from, int to);
    void setProperties(const Pipeline &properties);
    /// Where the designer draws a step; no analysis depends on it.
    void setPosition(const std::string &id, std::optional<Point> position);

private:
    static Result<PipelineSession> opened(
        Result<Pipeline> read, const QString &path, const QStringList &extraComponentDirs);
    void rebuildResolver();
    void reanalyse();
    void indexStepProblems();
    std::vector<int> allSteps() const;

    Pipeline m_pipeline;
    Diagnostics m_readDiagnostics;
    QStringList m_extraComponentDirs;
    ComponentResolver m_resolver;
    PipelineAnalysis m_analysis;
    PipelineKeys m_keys;
    /// Problems of the pipeline's checks and of the keys that name a step, by step id.
    std::unordered_map<std::string, Diagnostics> m_pipelineProblemsOfStep;
    std::unordered_map<std::string, Diagnostics> m_keyProblemsOfStep;
};

} // namespace fondant
