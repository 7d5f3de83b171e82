// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/CacheInspector.h"

#include "core/history/RunRecord.h"
#include "views/document/PipelineDocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace fondant {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

CacheInspector::CacheInspector(PipelineDocument &document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMilliseconds);
    connect(&m_settle, &QTimer::timeout, this, [this] { update([this] { refresh(); }, true); });
    connect(
        &m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    // The working directory follows the document's properties and, when relative, its file.
    const auto followDocument = [this](bool news) {
        const bool moved = workingDirectory() != m_opened;
        update(
            [this, moved] {
                if (moved)
                    reopen();
            },
            news && !moved);
    };
    connect(&document, &PipelineDocument::documentReset, this, [followDocument] {
        followDocument(false); // another pipeline: nothing to compare with
    });
    connect(&document, &PipelineDocument::pipelinePropertiesChanged, this,
        [followDocument] { followDocument(true); });
    connect(&document, &PipelineDocument::filePathChanged, this,
        [followDocument] { followDocument(true); });
    // Every edit ends in one of these, with every key already recomputed (keysChanged only
    // follows stepsAnalysed).
    const auto edited = [this] { update({}, true); };
    connect(&document, &PipelineDocument::stepsAnalysed, this, edited);
    connect(&document, &PipelineDocument::analysisChanged, this, edited);
    update([this] { reopen(); }, false);
}

QString CacheInspector::workingDirectory() const
{
    const QString folder = !m_chosen.isEmpty()
        ? m_chosen
        : QString::fromStdString(m_document.pipeline().workingDirectory);
    if (folder.isEmpty() || RunRecord::isRemote(folder))
        return folder;
    if (QDir::isAbsolutePath(folder))
        return QDir::cleanPath(folder);
    if (m_document.filePath().isEmpty())
        return {}; // relative to a file not saved yet
    return QDir::cleanPath(QFileInfo(m_document.filePath()).dir().absoluteFilePath(folder));
}

void CacheInspector::chooseWorkingDirectory(const QString &folder)
{
    update(
        [this, folder] {
            m_chosen = folder;
            reopen();
        },
        false);
}

void CacheInspector::reopen()
{
    m_opened = workingDirectory();
    m_history.reset();
    if (!m_shownRun.isEmpty()) {
        m_shownRun.clear();
        Q_EMIT shownRunChanged(m_shownRun);
    }
    m_problem.clear();
    const QString declared = QString::fromStdString(m_document.pipeline().workingDirectory);
    if (m_opened.isEmpty()) {
        m_problem = !declared.isEmpty() && m_chosen.isEmpty()
            ? tr("Save the pipeline to find its working directory %1.").arg(declared)
            : tr("No working directory: set one in the pipeline's properties.");
    } else if (const QFileInfo local(m_opened); !RunRecord::isRemote(m_opened) && !local.isDir()) {
        m_problem = local.exists() || local.isSymLink()
            ? tr("%1 is not a folder, so it cannot be a working directory.")
                  .arg(QDir::toNativeSeparators(m_opened))
            : tr("%1 does not exist yet: every step will run.")
                  .arg(QDir::toNativeSeparators(m_opened));
    } else {
        Result<RunHistory> opened = RunHistory::open(
            m_opened, RunRecord::isRemote(m_opened) ? RunRecord::userDataFolder() : QString());
        if (opened.ok())
            m_history = std::move(opened).value();
        else { // the message names the folder, or the file inside it, that is wrong
            const Diagnostic &why = opened.diagnostics().front();
            m_problem
                = QStringLiteral("%1: %2").arg(why.file.empty() ? QDir::toNativeSeparators(m_opened)
                                                                : QString::fromStdString(why.file),
                    QString::fromStdString(why.message));
        }
    }
    watchFolders();
    m_historyChanged = true; // told once the steps' statuses follow it
}

void CacheInspector::refresh()
{
    if (!m_history) {
        reopen(); // the folder may have been made by a first run
        return;
    }
    m_history->refresh();
    if (!m_shownRun.isEmpty() && !m_history->run(m_shownRun.toStdString())) {
        m_shownRun.clear(); // its folder was removed
        Q_EMIT shownRunChanged(m_shownRun);
    }
    watchFolders();
    m_historyChanged = true; // told once the steps' statuses follow it
}

void CacheInspector::watchFolders()
{
    // A run adds its run folder to the dataset folder, a step folder to the run folder, and
    // a reference file to the cache folder as each step ends; the studio adds its records.
    QStringList wanted;
    if (m_history && !m_history->isRemote()) {
        const QDir root(m_opened);
        wanted << root.path() << root.filePath(QStringLiteral(".fondant-studio/runs"));
        for (const std::string &folder : m_history->datasetFolders()) {
            const QString dataset = root.filePath(qs(folder));
            wanted << dataset << dataset + QStringLiteral("/cache");
            const std::vector<const RunInfo *> runs = m_history->runsOf(folder);
            if (!runs.empty() && !runs.front()->onlyRecorded)
                wanted << dataset + QLatin1Char('/') + qs(runs.front()->runId);
        }
    } else if (!m_opened.isEmpty() && !RunRecord::isRemote(m_opened)) {
        // Not made yet: the nearest folder that is, to notice a first run making it.
        QDir parent(QFileInfo(m_opened).absolutePath());
        while (!parent.exists() && parent.cdUp()) { }
        if (parent.exists())
            wanted << parent.path();
    }
    QStringList existing;
    for (const QString &path : std::as_const(wanted))
        if (QFileInfo(path).isDir())
            existing << path;
    const QStringList watched = m_watcher.directories();
    QStringList gone;
    for (const QString &path : watched)
        if (!existing.contains(path))
            gone << path;
    if (!gone.isEmpty())
        m_watcher.removePaths(gone);
    QStringList added;
    for (const QString &path : std::as_const(existing))
        if (!watched.contains(path))
            added << path;
    if (!added.isEmpty())
        m_watcher.addPaths(added);
}

std::vector<const RunInfo *> CacheInspector::runs() const
{
    return m_history ? m_history->runsOf(m_datasetFolder) : std::vector<const RunInfo *>();
}

void CacheInspector::showRun(const QString &runId)
{
    if (runId == m_shownRun)
        return;
    update([this, runId] { m_shownRun = runId; }, false);
    Q_EMIT shownRunChanged(m_shownRun);
}

const RunInfo *CacheInspector::shownRunInfo() const
{
    return m_history && !m_shownRun.isEmpty() ? m_history->run(m_shownRun.toStdString()) : nullptr;
}

const RunInfo *CacheInspector::againstRun() const
{
    if (const RunInfo *shown = shownRunInfo())
        return shown;
    // The newest run whose record tells the ingredients of its keys, else the newest.
    const std::vector<const RunInfo *> all = runs();
    const auto recorded
        = std::find_if(all.begin(), all.end(), [](const RunInfo *run) { return run->record; });
    return recorded != all.end() ? *recorded : all.empty() ? nullptr : all.front();
}

void CacheInspector::update(const std::function<void()> &change, bool news)
{
    if (change)
        change();
    recompute();
    if (m_historyChanged) {
        m_historyChanged = false;
        Q_EMIT historyChanged();
    }

    QHash<QString, Shown> shown;
    shown.reserve(m_indexOf.size());
    QStringList changed;
    m_counts.assign(static_cast<std::size_t>(State::Unknown) + 1, 0);
    for (const QString &id : m_document.stepIds()) {
        const auto old = m_shown.constFind(id);
        Shown now {state(id), line(id)};
        ++m_counts[static_cast<std::size_t>(now.state)];
        if (old == m_shown.cend() ? now.state != State::None : !(*old == now))
            changed << id;
        shown.insert(id, std::move(now));
    }
    m_shown = std::move(shown);
    if (!changed.isEmpty())
        Q_EMIT stepsChanged(changed, news);
}

void CacheInspector::recompute()
{
    const PipelineSession &session = m_document.session();
    m_statuses.clear();
    m_explanations.clear();
    m_indexOf.clear();
    if (m_history) {
        m_datasetFolder = CacheStatus::datasetFolderFor(session, *m_history);
        m_statuses = CacheStatus::of(session, *m_history, m_datasetFolder);
        if (const RunInfo *against = againstRun())
            m_explanations = KeyExplain::againstRun(session, *against);
    } else {
        m_datasetFolder = session.pipeline().name;
    }
    m_indexOf.reserve(static_cast<qsizetype>(m_statuses.size()));
    for (std::size_t i = 0; i < m_statuses.size(); ++i)
        m_indexOf.insert(qs(m_statuses[i].stepId), static_cast<int>(i));
}

const StepStatus *CacheInspector::status(const QString &stepId) const
{
    const auto it = m_indexOf.constFind(stepId);
    return it == m_indexOf.cend() ? nullptr : &m_statuses[static_cast<std::size_t>(*it)];
}

const StepExplanation *CacheInspector::explanation(const QString &stepId) const
{
    const auto it = m_indexOf.constFind(stepId);
    if (it == m_indexOf.cend() || static_cast<std::size_t>(*it) >= m_explanations.size())
        return nullptr;
    return &m_explanations[static_cast<std::size_t>(*it)];
}

QString CacheInspector::runName(const std::string &runId) const
{
    const RunInfo *run = m_history ? m_history->run(runId) : nullptr;
    if (!run || run->time <= 0)
        return qs(runId);
    return tr("the run of %1")
        .arg(QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(run->time), QStringLiteral("d MMM yyyy, HH:mm")));
}

CacheInspector::State CacheInspector::shownRunState(const QString &stepId) const
{
    const RunInfo *run = shownRunInfo();
    const StepStatus *now = status(stepId);
    const StepRun *step = run && now ? run->step(now->componentId) : nullptr;
    if (!step || !step->executed)
        return State::Unknown;
    return *step->executed ? State::Runs : State::Cached;
}

QString CacheInspector::shownRunLine(const QString &stepId) const
{
    const RunInfo *run = shownRunInfo();
    const StepStatus *now = status(stepId);
    const StepRun *step = run && now ? run->step(now->componentId) : nullptr;
    if (!step)
        return tr("not in this run");
    if (!step->executed)
        return step->writes ? tr("wrote its output (no manifest)") : tr("ran: unknown how");
    if (*step->executed)
        return tr("executed in this run");
    return step->fromRun ? tr("reused from %1").arg(runName(*step->fromRun)) : tr("reused");
}

CacheInspector::State CacheInspector::state(const QString &stepId) const
{
    if (!m_history)
        return State::None;
    if (!m_shownRun.isEmpty())
        return shownRunState(stepId);
    const StepStatus *status = this->status(stepId);
    if (!status || !status->decision || m_history->isRemote())
        return State::Unknown;
    using Reason = StepStatus::Reason;
    switch (*status->decision) {
    case StepStatus::Decision::Hit:
        return State::Cached;
    case StepStatus::Decision::Disabled:
        return State::Disabled;
    case StepStatus::Decision::Run:
        return status->reason == Reason::Upstream     ? State::Cascade
            : status->reason == Reason::OutputMissing ? State::Fails
                                                      : State::Runs;
    }
    return State::Unknown;
}

QString CacheInspector::line(const QString &stepId) const
{
    if (!m_history)
        return {};
    if (!m_shownRun.isEmpty())
        return shownRunLine(stepId);
    if (m_history->isRemote())
        return tr("unknown — a remote cache is not read here");
    const StepStatus *status = this->status(stepId);
    if (!status || !status->reason)
        return tr("unknown — the step has errors");
    using Reason = StepStatus::Reason;
    switch (*status->reason) {
    case Reason::KeyUnchanged:
        return status->cachedFromRun ? tr("cached — from %1").arg(runName(*status->cachedFromRun))
                                     : tr("cached");
    case Reason::KeyChanged: {
        // What changed, as short as the step has room for: "max_length 60 → 40".
        QStringList changes;
        if (const StepExplanation *why = explanation(stepId))
            for (const KeyChange &change : why->changes)
                if (change.path != "upstream")
                    changes << QStringLiteral("%1 %2 → %3")
                                   .arg(qs(change.path.starts_with("arguments.")
                                                ? change.path.substr(10)
                                                : change.path),
                                       qs(KeyExplain::valueText(change.before)),
                                       qs(KeyExplain::valueText(change.now)));
        return changes.isEmpty() ? tr("re-runs: its key is new")
                                 : tr("re-runs: %1").arg(changes.join(QStringLiteral(", ")));
    }
    case Reason::NoPreviousRun:
        return tr("will run — never ran here");
    case Reason::Upstream:
        return status->throughKeyChain
            ? tr("re-runs — its key chains on %1").arg(qs(status->rootCause.value_or("?")))
            : tr("re-runs because %1 changed").arg(qs(status->rootCause.value_or("?")));
    case Reason::CacheFalse:
        return tr("caching off — cache: false");
    case Reason::LatestTag:
        return tr("caching off — image tag latest");
    case Reason::OutputMissing:
        return tr("will fail — its cached output is gone");
    }
    return {};
}

QString CacheInspector::sentence(const QString &stepId) const
{
    const StepStatus *status = this->status(stepId);
    if (!status)
        return {};
    QString text = qs(CacheStatus::sentence(*status, m_datasetFolder));
    if (const StepExplanation *why = explanation(stepId); why && why->changed == true) {
        if (const RunInfo *against = againstRun())
            text += tr("\nAgainst %1: %2").arg(qs(against->runId), qs(KeyExplain::sentence(*why)));
    }
    return text;
}

QString CacheInspector::firstRootCause() const
{
    for (const QString &id : m_document.stepIds())
        if (const State state = this->state(id); state == State::Runs || state == State::Fails)
            return id;
    return {};
}

const std::vector<int> &CacheInspector::counts() const
{
    return m_counts;
}

QString CacheInspector::summary() const
{
    if (!m_history)
        return m_problem;
    const QStringList ids = m_document.stepIds();
    if (!m_shownRun.isEmpty()) {
        const std::vector<int> &counts = m_counts;
        return tr("Run %1: %2 of %3 steps executed, %4 reused")
            .arg(m_shownRun)
            .arg(counts[static_cast<std::size_t>(State::Runs)])
            .arg(ids.size())
            .arg(counts[static_cast<std::size_t>(State::Cached)]);
    }
    if (m_history->isRemote())
        return runs().size() == 1
            ? tr("Remote working directory: its cache is not read here; 1 run exported there "
                 "is known from its record")
            : tr("Remote working directory: its cache is not read here; %1 runs exported there "
                 "are known from their records")
                  .arg(runs().size());
    int cached = 0;
    int running = 0;
    QStringList causes;
    for (const QString &id : ids) {
        const State state = this->state(id);
        cached += state == State::Cached;
        if (state != State::Runs && state != State::Cascade && state != State::Fails
            && state != State::Disabled)
            continue;
        ++running;
        const StepStatus *status = this->status(id);
        if (!status || status->reason != StepStatus::Reason::KeyChanged || causes.size() > 2)
            continue; // the root causes that changed, as the ingredient they changed
        const StepExplanation *why = explanation(id);
        const auto own = why ? std::find_if(why->changes.begin(), why->changes.end(),
                             [](const KeyChange &c) { return c.path != "upstream"; })
                             : std::vector<KeyChange>::const_iterator();
        causes << (why && own != why->changes.end()
                ? QStringLiteral("`%1.%2`").arg(id, qs(own->path))
                : QStringLiteral("`%1`").arg(id));
    }
    QString text = tr("%1 of %2 steps cached").arg(cached).arg(ids.size());
    if (running == 0)
        return text;
    text += tr("; %1 will run").arg(running);
    if (causes.size() == 1)
        text += tr(" because %1 changed").arg(causes.front());
    else if (causes.size() > 1)
        text += tr(" because of %1")
                    .arg((causes.size() > 2 ? causes.mid(0, 2) + QStringList {QStringLiteral("…")}
                                            : causes)
                             .join(QStringLiteral(", ")));
    return text;
}

} // namespace fondant
