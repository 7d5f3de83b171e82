// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/Autosave.h"

#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/yaml/YamlReader.h"
#include "views/document/PipelineDocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

namespace fondant {

namespace {
constexpr const char *originSuffix = ".origin";
}

Autosave::Autosave(PipelineDocument &document, QString folder, QObject *parent)
    : QObject(parent), m_document(document), m_folder(std::move(folder))
{
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
    connect(&document, &PipelineDocument::filePathChanged, this, [this] {
        removeCopy();
        updateCopyPath();
    });
    connect(&document, &PipelineDocument::documentReset, this, [this] {
        removeCopy();
        updateCopyPath();
    });
    updateCopyPath();
}

Autosave::~Autosave()
{
    // A normal end: unsaved changes were either saved or knowingly discarded by now.
    removeCopy();
}

QString Autosave::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave"));
}

void Autosave::updateCopyPath()
{
    // One copy per session and document: the process id keeps two running copies apart.
    const QString origin
        = m_document.filePath().isEmpty() ? QStringLiteral("untitled") : m_document.filePath();
    const QByteArray hash
        = QCryptographicHash::hash(origin.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    m_copyPath = QDir(m_folder).filePath(QStringLiteral("%1-%2.pipeline.yaml")
                                             .arg(QString::fromLatin1(hash))
                                             .arg(QCoreApplication::applicationPid()));
}

bool Autosave::writeNow()
{
    if (!QDir().mkpath(m_folder))
        return false;
    Pipeline copy = m_document.pipeline();
    if (writeFileAtomically(m_copyPath, PipelineWriter::toYaml(copy)))
        return false;
    return !writeFileAtomically(
        m_copyPath + QLatin1String(originSuffix), m_document.filePath().toStdString());
}

void Autosave::removeCopy()
{
    QFile::remove(m_copyPath);
    QFile::remove(m_copyPath + QLatin1String(originSuffix));
}

std::vector<Autosave::Orphan> Autosave::orphans() const
{
    std::vector<Orphan> found;
    const QDir dir(m_folder);
    const QFileInfoList copies
        = dir.entryInfoList({QStringLiteral("*.pipeline.yaml")}, QDir::Files, QDir::Time);
    for (const QFileInfo &copy : copies) {
        if (copy.absoluteFilePath() == QFileInfo(m_copyPath).absoluteFilePath())
            continue;
        QFile origin(copy.absoluteFilePath() + QLatin1String(originSuffix));
        QString originalPath;
        if (origin.open(QIODevice::ReadOnly))
            originalPath = QString::fromUtf8(origin.readAll());
        found.push_back(Orphan {copy.absoluteFilePath(), originalPath,
            QLocale().toString(copy.lastModified(), QLocale::ShortFormat)});
    }
    return found;
}

bool Autosave::recover(const Orphan &orphan)
{
    Result<std::string> text = readTextFile(orphan.copyPath, 64 * 1024 * 1024);
    if (!text.ok())
        return false;
    // Read as if it were the original file, so that relative component folders resolve.
    const std::string name = orphan.originalPath.isEmpty() ? orphan.copyPath.toStdString()
                                                           : orphan.originalPath.toStdString();
    Result<Pipeline> pipeline = PipelineReader::parse(text.value(), name);
    if (!pipeline.ok())
        return false;
    Pipeline recovered = std::move(pipeline).value();
    recovered.filePath = orphan.originalPath.toStdString();
    m_document.reset(std::move(recovered));
    if (!orphan.originalPath.isEmpty())
        m_document.adoptFilePath(orphan.originalPath);
    // The recovered state differs from the file on disk: mark it unsaved.
    m_document.undoStack()->push(new QUndoCommand(tr("Recover unsaved changes")));
    discard(orphan);
    return true;
}

void Autosave::discard(const Orphan &orphan)
{
    QFile::remove(orphan.copyPath);
    QFile::remove(orphan.copyPath + QLatin1String(originSuffix));
}

} // namespace fondant
