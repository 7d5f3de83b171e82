// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/KeyComparison.h"

#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"

#include <QFileInfo>
#include <QProcess>

namespace fondant {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// The committed text of a file: `git show HEAD:./NAME` in its folder.
Result<std::string> committedText(const QString &path)
{
    const QFileInfo file(path);
    QProcess git;
    git.setWorkingDirectory(file.absolutePath());
    git.start(QStringLiteral("git"),
        {QStringLiteral("show"), QStringLiteral("HEAD:./") + file.fileName()});
    const std::string name = path.toStdString();
    if (!git.waitForStarted(5000))
        return Diagnostic::error(name, {}, "git cannot be run: " + git.errorString().toStdString());
    if (!git.waitForFinished(10000)) {
        git.kill();
        git.waitForFinished(1000);
        return Diagnostic::error(name, {}, "git did not answer within 10 s");
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(git.readAllStandardError()).trimmed();
        return Diagnostic::error(name, {},
            "no committed version: "
                + (why.isEmpty() ? std::string("git failed")
                                 : why.section(QLatin1Char('\n'), 0, 0).toStdString()));
    }
    return git.readAllStandardOutput().toStdString();
}

} // namespace

KeyComparison::KeyComparison(PipelineDocument &document, CacheInspector &inspector, QObject *parent)
    : QObject(parent), m_document(document), m_inspector(inspector)
{
    connect(&document, &PipelineDocument::stepsAnalysed, this, &KeyComparison::recompare);
    connect(&document, &PipelineDocument::analysisChanged, this, &KeyComparison::recompare);
    connect(&document, &PipelineDocument::documentReset, this, &KeyComparison::reloadBaseline);
    // Saved: the saved file is the document now.
    connect(&document, &PipelineDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified && m_against != Against::Run)
            reloadBaseline();
    });
    // Against a run, the inspector compares; its comparison changes with the run shown.
    connect(&inspector, &CacheInspector::stepsChanged, this, [this] {
        if (m_against == Against::Run)
            Q_EMIT changed();
    });
    connect(&inspector, &CacheInspector::shownRunChanged, this, [this] {
        if (m_against == Against::Run)
            Q_EMIT changed();
    });
}

void KeyComparison::compareWith(Against against, const QString &file)
{
    m_against = against;
    m_file = file;
    reloadBaseline();
}

void KeyComparison::reloadBaseline()
{
    m_baseline.reset();
    m_problem.clear();
    const QString path = m_document.filePath();
    const QStringList extra = m_document.extraComponentDirs();
    std::optional<Result<PipelineSession>> read;
    switch (m_against) {
    case Against::Run:
        break;
    case Against::SavedFile:
        if (path.isEmpty())
            m_problem = tr("The pipeline has not been saved yet.");
        else
            read = PipelineSession::open(path, extra);
        break;
    case Against::GitHead:
        if (path.isEmpty()) {
            m_problem = tr("The pipeline has not been saved yet.");
        } else if (Result<std::string> text = committedText(path); text.ok()) {
            read = PipelineSession::fromText(text.value(), path, extra);
        } else {
            m_problem = qs(text.diagnostics().front().message);
        }
        break;
    case Against::File:
        read = PipelineSession::open(m_file, extra);
        break;
    }
    if (read && read->ok())
        m_baseline = std::move(*read).value();
    else if (read)
        m_problem = qs(read->diagnostics().front().toString());
    recompare();
}

void KeyComparison::recompare()
{
    m_explanations.clear();
    m_indexOf.clear();
    if (m_baseline) {
        m_explanations = KeyExplain::againstDocument(m_document.session(), *m_baseline);
        for (std::size_t i = 0; i < m_explanations.size(); ++i)
            m_indexOf.insert(qs(m_explanations[i].stepId), static_cast<int>(i));
    }
    Q_EMIT changed();
}

QString KeyComparison::runDescription() const
{
    const RunInfo *run = m_inspector.againstRun();
    return run ? m_inspector.runName(run->runId) : tr("no run");
}

QString KeyComparison::description() const
{
    switch (m_against) {
    case Against::Run:
        return runDescription();
    case Against::SavedFile:
        return tr("the saved file");
    case Against::GitHead:
        return tr("HEAD in git");
    case Against::File:
        return QFileInfo(m_file).fileName();
    }
    return {};
}

QString KeyComparison::problem() const
{
    if (m_against != Against::Run)
        return m_problem;
    if (!m_inspector.history())
        return m_inspector.problem();
    return m_inspector.againstRun() ? QString() : tr("The working directory holds no run yet.");
}

const StepExplanation *KeyComparison::explanation(const QString &stepId) const
{
    if (m_against == Against::Run)
        return m_inspector.explanation(stepId);
    const auto it = m_indexOf.constFind(stepId);
    return it == m_indexOf.cend() ? nullptr : &m_explanations[static_cast<std::size_t>(*it)];
}

QString KeyComparison::text(const QString &stepId) const
{
    const StepExplanation *step = explanation(stepId);
    if (!step)
        return {};
    QString text
        = tr("%1 against %2: %3\n").arg(stepId, description(), qs(KeyExplain::sentence(*step)));
    for (const KeyChange &change : step->changes)
        text += QStringLiteral("  %1: %2 → %3\n")
                    .arg(qs(change.path), qs(KeyExplain::valueText(change.before)),
                        qs(KeyExplain::valueText(change.now)));
    return text;
}

} // namespace fondant
