// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/history/KeyExplain.h"
#include "core/session/PipelineSession.h"

#include <QHash>
#include <QObject>

#include <optional>
#include <vector>

namespace fondant {

class CacheInspector;
class PipelineDocument;

/// What a document's cache keys are compared against, ingredient by ingredient: the run the
/// cache inspector compares against, the document as last saved, the version committed in git,
/// or another pipeline file. The comparison follows every edit.
class KeyComparison : public QObject
{
    Q_OBJECT

public:
    enum class Against { Run, SavedFile, GitHead, File };

    KeyComparison(PipelineDocument &document, CacheInspector &inspector, QObject *parent = nullptr);

    /// Compares against another version; file is the pipeline file for Against::File. When
    /// that version cannot be read, problem() says why and nothing is compared.
    void compareWith(Against against, const QString &file = {});
    Against against() const { return m_against; }
    /// What is compared against, in words: "the run of 22 Apr 2024, 12:00", "the saved file",
    /// "HEAD in git", "old.pipeline.yaml".
    QString description() const;
    /// The run the inspector compares against, in words, whatever is compared now.
    QString runDescription() const;
    /// Why nothing can be compared ("" when something is).
    QString problem() const;

    const StepExplanation *explanation(const QString &stepId) const;
    /// The comparison of a step as text: its sentence and one line per changed ingredient.
    QString text(const QString &stepId) const;

Q_SIGNALS:
    /// The comparison changed: another version, or an edit of the document.
    void changed();

private:
    void reloadBaseline();
    void recompare();

    PipelineDocument &m_document;
    CacheInspector &m_inspector;
    Against m_against = Against::Run;
    QString m_file;
    std::optional<PipelineSession> m_baseline;
    QString m_problem;
    std::vector<StepExplanation> m_explanations;
    QHash<QString, int> m_indexOf;
};

} // namespace fondant
