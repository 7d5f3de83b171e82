// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/history/CacheStatus.h"
#include "core/history/KeyExplain.h"
#include "core/history/RunHistory.h"
#include "views/document/CacheState.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace fondant {

class PipelineDocument;

/// The cache of a document's pipeline as the designer shows it: the working directory indexed
/// by the run history and watched while runs write to it, what Fondant would decide for every
/// step if the pipeline ran now (recomputed on every edit), and the run shown and compared
/// against.
class CacheInspector : public QObject
{
    Q_OBJECT

public:
    using State = CacheState;

    explicit CacheInspector(PipelineDocument &document, QObject *parent = nullptr);

    /// The folder inspected, absolute for a local one: the chosen one, else the document's
    /// working_directory (relative to the document's folder); "" when there is none.
    QString workingDirectory() const;
    /// Inspects another folder than the document's ("" to follow the document again).
    void chooseWorkingDirectory(const QString &folder);
    bool isChosen() const { return !m_chosen.isEmpty(); }
    /// The history of the working directory; null when there is none or it cannot be read.
    const RunHistory *history() const { return m_history ? &*m_history : nullptr; }
    /// Why there is no history, in words ("" when there is one).
    const QString &problem() const { return m_problem; }
    /// The dataset folder a run of the pipeline uses in the working directory.
    const std::string &datasetFolder() const { return m_datasetFolder; }
    /// The runs of the pipeline's dataset folder, newest first.
    std::vector<const RunInfo *> runs() const;

    /// Shows a past run on the canvas and compares keys against it; "" shows what the next
    /// run would do, compared against the newest run.
    void showRun(const QString &runId);
    /// The run shown ("" for the next run).
    const QString &shownRun() const { return m_shownRun; }
    /// The run keys are compared against: the shown one, else the newest with a record (which
    /// keeps what Fondant hashed), else the newest; null when there is none.
    const RunInfo *againstRun() const;

    /// A run in words: "the run of 22 Apr 2024, 12:00" (run ids are the pipeline's name and a
    /// time), else its run id.
    QString runName(const std::string &runId) const;

    const StepStatus *status(const QString &stepId) const;
    /// The step's key against the compared run, ingredient by ingredient.
    const StepExplanation *explanation(const QString &stepId) const;
    State state(const QString &stepId) const;
    /// The short line the canvas writes on a step ("cached — from run …", "re-runs because
    /// embed changed", "will re-run — arguments.min_length 256 → 512").
    QString line(const QString &stepId) const;
    /// The whole sentence (for tooltips): the decision, its reason and what changed.
    QString sentence(const QString &stepId) const;
    /// For the status bar: "7 of 9 steps cached; 2 re-run because `filter.min_length` changed".
    QString summary() const;
    /// The first step, in call order, that runs because of its own change (or whose cached
    /// output is gone): where to look first; "" when none.
    QString firstRootCause() const;
    /// How many steps are in each state, in the order of State (counted once per change).
    const std::vector<int> &counts() const;

    /// The delay after the last change in the working directory before it is read again.
    static constexpr int settleMilliseconds = 300;

Q_SIGNALS:
    /// The working directory or its runs changed (lists of runs reload).
    void historyChanged();
    /// Another run is shown ("" for the next run).
    void shownRunChanged(const QString &runId);
    /// The state or line of these steps changed: by an edit or a run writing to the working
    /// directory (news worth a glance), or by another folder or run being shown (not news).
    void stepsChanged(const QStringList &ids, bool news);

private:
    /// What a step shows, compared to tell which steps a change touched.
    struct Shown
    {
        State state;
        QString line;
        bool operator==(const Shown &) const = default;
    };

    /// Makes a change (of the history, the shown run or the document), recomputes every step's
    /// status and tells which steps show something else.
    void update(const std::function<void()> &change, bool news);
    void reopen();
    void refresh();
    void recompute();
    void watchFolders();
    const RunInfo *shownRunInfo() const;
    QString shownRunLine(const QString &stepId) const;
    State shownRunState(const QString &stepId) const;

    PipelineDocument &m_document;
    QString m_chosen;
    QString m_opened; ///< the folder m_history was opened on
    std::optional<RunHistory> m_history;
    QString m_problem;
    std::string m_datasetFolder;
    QString m_shownRun;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    std::vector<StepStatus> m_statuses;
    std::vector<StepExplanation> m_explanations;
    QHash<QString, int> m_indexOf; ///< positions in m_statuses and m_explanations by step id
    bool m_historyChanged = false; ///< reopened or refreshed since historyChanged was told
    QHash<QString, Shown> m_shown; ///< what every step showed after the last update
    std::vector<int> m_counts = std::vector<int>(static_cast<std::size_t>(State::Unknown) + 1, 0);
};

} // namespace fondant
