// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/Autosave.h"

#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/yaml/YamlReader.h"
#include "views/document/PipelineDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace fondant {

namespace {
constexpr qint64 maxCopyBytes = 64 * 1024 * 1024;
constexpr char headerPrefix[] = "# fondant-studio autosave ";
const QLatin1String copySuffix(".pipeline.yaml");
const QLatin1String lockSuffix(".lock");
/// Where copies written before the origin moved into the copy kept it.
const QLatin1String legacyOriginSuffix(".origin");

/// The comment line that starts a copy: the original file and the time of writing, as JSON.
std::string headerLine(const QString &origin, const QDateTime &savedAt)
{
    const QJsonObject fields {{QStringLiteral("origin"), origin},
        {QStringLiteral("savedAt"), savedAt.toUTC().toString(Qt::ISODateWithMs)}};
    const QString json = QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    // Printable ASCII only: YAML readers refuse control characters, and YAML 1.1 readers (libyaml,
    // PyYAML) end a line at U+0085, U+2028 and U+2029, which would cut the comment short.
    std::string line = headerPrefix;
    for (const QChar c : json) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            line += static_cast<char>(c.unicode());
        else
            line += "\\u"
                + QByteArray::number(static_cast<int>(c.unicode()), 16)
                      .rightJustified(4, '0')
                      .toStdString();
    }
    return line + '\n';
}

struct CopyHeader
{
    QString origin;
    QDateTime savedAt; ///< invalid when the copy does not say
};

/// Reads the header line of a copy. A copy without one (or with a damaged one) keeps the
/// original file in a "<copy>.origin" file, if anywhere.
CopyHeader readHeader(const std::string &text, const QString &copyPath)
{
    CopyHeader header;
    const std::string_view prefix(headerPrefix);
    if (text.starts_with(prefix)) {
        std::string_view json = std::string_view(text).substr(prefix.size());
        json = json.substr(0, json.find('\n'));
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(json.data(), static_cast<qsizetype>(json.size())).trimmed());
        if (document.isObject()) {
            header.origin = document.object().value(QStringLiteral("origin")).toString();
            header.savedAt = QDateTime::fromString(
                document.object().value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
            return header;
        }
    }
    QFile legacy(copyPath + legacyOriginSuffix);
    if (legacy.open(QIODevice::ReadOnly))
        header.origin = QString::fromUtf8(legacy.readAll()).trimmed();
    return header;
}

/// A copy's header line reads back as the first comment line above 'version'; it is not the
/// user's, so the recovered document does not keep it.
void removeHeaderComment(Pipeline &pipeline)
{
    const ElementComments *opening = pipeline.comments.find("version");
    if (!opening || !opening->above.starts_with(std::string_view(headerPrefix).substr(1)))
        return;
    ElementComments userComments = *opening;
    userComments.above.erase(0, userComments.above.find('\n') + 1);
    pipeline.comments.set("version", std::move(userComments));
}

/// The first error of a failed read, with its place in the copy.
QString describeProblem(const Diagnostics &diagnostics)
{
    for (const Diagnostic &diagnostic : diagnostics) {
        if (!diagnostic.isError())
            continue;
        const QString message = QString::fromStdString(diagnostic.message);
        if (!diagnostic.mark.isValid())
            return message;
        return Autosave::tr("line %1, column %2: %3")
            .arg(diagnostic.mark.line)
            .arg(diagnostic.mark.column)
            .arg(message);
    }
    return Autosave::tr("unknown error");
}

/// The lock of a copy, or null when a live process holds it.
std::shared_ptr<QLockFile> takeLock(const QString &copyPath)
{
    auto lock = std::make_shared<QLockFile>(Autosave::lockPath(copyPath));
    lock->setStaleLockTime(Autosave::staleLockTime);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

/// The orphan's lock if this process holds it, or else the lock taken now (null when a live
/// process holds it).
std::shared_ptr<QLockFile> heldLock(const Autosave::Orphan &orphan)
{
    if (orphan.lock && orphan.lock->isLocked()
        && orphan.lock->fileName() == Autosave::lockPath(orphan.copyPath))
        return orphan.lock;
    return takeLock(orphan.copyPath);
}

/// Removes a copy whose lock the caller holds; the lock itself goes when it is released.
bool removeCopyFiles(const QString &copyPath)
{
    QFile::remove(copyPath + legacyOriginSuffix);
    return QFile::remove(copyPath) || !QFileInfo::exists(copyPath);
}
} // namespace

Autosave::Autosave(PipelineDocument &document, QString folder, QObject *parent)
    : QObject(parent), m_document(document), m_folder(std::move(folder))
{
    // A random name per session: process ids repeat (a sandboxed app is often process 1 at every
    // start), and a name shared with a crashed session would overwrite or remove its copy.
    m_copyPath
        = QDir(m_folder).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + copySuffix);
    m_lock = std::make_unique<QLockFile>(lockPath(m_copyPath));
    m_lock->setStaleLockTime(staleLockTime);
    holdLock();

    m_timer.setInterval(15000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_document.isModified())
            writeNow();
    });
    m_timer.start();
    connect(&document, &PipelineDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeCopy();
    });
    connect(&document, &PipelineDocument::documentReset, this, &Autosave::removeCopy);
    // The copy names its original file: keep that right when the file changes under unsaved work.
    connect(&document, &PipelineDocument::filePathChanged, this, [this] {
        if (m_document.isModified() && QFileInfo::exists(m_copyPath))
            writeNow();
    });
}

Autosave::~Autosave()
{
    // A normal end: unsaved changes were either saved or knowingly discarded by now. The copy
    // goes first, then the lock (with m_lock).
    removeCopy();
}

QString Autosave::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave"));
}

QString Autosave::lockPath(const QString &copyPath)
{
    return copyPath + lockSuffix;
}

bool Autosave::holdLock()
{
    if (m_lock->isLocked())
        return true;
    if (!QDir().mkpath(m_folder)) {
        m_errorString = tr("cannot create the folder %1").arg(m_folder);
        return false;
    }
    if (m_lock->tryLock(0))
        return true;
    m_errorString = tr("cannot lock %1").arg(m_lock->fileName());
    return false;
}

bool Autosave::writeNow()
{
    // Never a copy without its lock: another session would take it for an orphan.
    if (!holdLock())
        return false;
    // QSaveFile replaces the previous copy only once the new one is complete.
    const std::optional<Diagnostic> error = writeFileAtomically(m_copyPath,
        headerLine(m_document.filePath(), QDateTime::currentDateTimeUtc())
            + PipelineWriter::toYaml(m_document.pipeline()));
    if (error) {
        m_errorString = QString::fromStdString(error->message);
        return false;
    }
    return true;
}

void Autosave::removeCopy()
{
    QFile::remove(m_copyPath);
}

std::vector<Autosave::Orphan> Autosave::orphans() const
{
    const QDir dir(m_folder);
    const QString ownLock = QFileInfo(lockPath(m_copyPath)).fileName();
    // Locks without a copy, left by sessions that ended abnormally before writing one.
    for (const QString &name :
        dir.entryList({QLatin1Char('*') + copySuffix + lockSuffix}, QDir::Files)) {
        const QString copy = dir.filePath(name.chopped(lockSuffix.size()));
        if (name == ownLock || QFileInfo::exists(copy))
            continue;
        if (const std::shared_ptr<QLockFile> lock = takeLock(copy))
            lock->unlock();
    }

    std::vector<Orphan> found;
    const QString ownCopy = QFileInfo(m_copyPath).fileName();
    for (const QString &name : dir.entryList({QLatin1Char('*') + copySuffix}, QDir::Files)) {
        if (name == ownCopy)
            continue;
        Orphan orphan;
        orphan.copyPath = dir.filePath(name);
        orphan.lock = takeLock(orphan.copyPath);
        if (!orphan.lock || !QFileInfo::exists(orphan.copyPath))
            continue; // a live session's copy, or one just recovered or discarded by another
        Result<std::string> text = readTextFile(orphan.copyPath, maxCopyBytes);
        if (!text.ok()) {
            orphan.problem = describeProblem(text.diagnostics());
        } else {
            const CopyHeader header = readHeader(text.value(), orphan.copyPath);
            orphan.originalPath = header.origin;
            orphan.savedAt = header.savedAt;
            const Result<Pipeline> pipeline
                = PipelineReader::parse(text.value(), orphan.copyPath.toStdString());
            if (!pipeline.ok())
                orphan.problem = describeProblem(pipeline.diagnostics());
        }
        if (!orphan.savedAt.isValid())
            orphan.savedAt = QFileInfo(orphan.copyPath).lastModified();
        found.push_back(std::move(orphan));
    }
    std::stable_sort(found.begin(), found.end(),
        [](const Orphan &a, const Orphan &b) { return a.savedAt > b.savedAt; });
    return found;
}

bool Autosave::recover(const Orphan &orphan)
{
    const std::shared_ptr<QLockFile> lock = heldLock(orphan);
    if (!lock) {
        m_errorString = tr("%1 belongs to a running session").arg(orphan.copyPath);
        return false;
    }
    Result<std::string> text = readTextFile(orphan.copyPath, maxCopyBytes);
    if (!text.ok()) {
        m_errorString = describeProblem(text.diagnostics());
        return false;
    }
    const QString originalPath = readHeader(text.value(), orphan.copyPath).origin;
    // Read as if it were the original file, so that relative component folders resolve.
    const std::string name
        = originalPath.isEmpty() ? orphan.copyPath.toStdString() : originalPath.toStdString();
    Result<Pipeline> pipeline = PipelineReader::parse(text.value(), name);
    if (!pipeline.ok()) {
        m_errorString = describeProblem(pipeline.diagnostics());
        return false;
    }
    Pipeline recovered = std::move(pipeline).value();
    removeHeaderComment(recovered);
    recovered.filePath = originalPath.toStdString();
    m_document.reset(std::move(recovered));
    if (!originalPath.isEmpty())
        m_document.adoptFilePath(originalPath);
    // The recovered state differs from the file on disk: mark it unsaved.
    m_document.undoStack()->push(new QUndoCommand(tr("Recover unsaved changes")));
    // The orphan goes only once this session's copy keeps the recovered work.
    if (writeNow()) {
        removeCopyFiles(orphan.copyPath);
        lock->unlock();
    }
    return true;
}

bool Autosave::discard(const Orphan &orphan)
{
    const std::shared_ptr<QLockFile> lock = heldLock(orphan);
    if (!lock)
        return false;
    const bool removed = removeCopyFiles(orphan.copyPath);
    lock->unlock();
    return removed;
}

} // namespace fondant
