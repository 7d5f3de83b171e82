// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/FondantLocator.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>

namespace fondant {

namespace {

// Where Fondant's package lies, found without importing it, and the folders whose changes mean
// that packages were installed or removed.
const char *const probeScript = R"(import importlib.util, json, os, site, sys
folders = [p for p in sys.path if p and os.path.isdir(p)]
try:
    folders.append(site.getusersitepackages())
except Exception:
    pass
spec = importlib.util.find_spec("fondant")
components = None
if spec is not None and spec.origin:
    components = os.path.join(os.path.dirname(spec.origin), "components")
print(json.dumps({"components": components, "folders": folders}))
)";

const QString fingerprintKey = QStringLiteral("fondantLocator/fingerprint");
const QString foldersKey = QStringLiteral("fondantLocator/folders");
const QString componentsKey = QStringLiteral("fondantLocator/components");

QString stamp(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? QString::number(info.lastModified().toMSecsSinceEpoch())
                         : QStringLiteral("-");
}

} // namespace

FondantLocator::FondantLocator(QString python, QSettings *settings, QObject *parent)
    : QObject(parent), m_python(std::move(python)), m_settings(settings)
{ }

FondantLocator::~FondantLocator()
{
    if (m_process) { // nobody waits for the answer any more
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString FondantLocator::fingerprint(const QStringList &folders) const
{
    const QString interpreter = QStandardPaths::findExecutable(m_python);
    const QString resolved = QFileInfo(interpreter).canonicalFilePath();
    QStringList parts {interpreter, resolved, stamp(resolved)};
    for (const QString &folder : folders)
        parts << folder + QLatin1Char('=') + stamp(folder);
    return parts.join(QLatin1Char('\n'));
}

void FondantLocator::start()
{
    const QStringList folders = m_settings->value(foldersKey).toStringList();
    if (m_settings->contains(fingerprintKey)
        && m_settings->value(fingerprintKey).toString() == fingerprint(folders)) {
        m_asked = false;
        const QString components = m_settings->value(componentsKey).toString();
        if (!components.isEmpty() && QFileInfo(components).isDir())
            Q_EMIT found(components);
        return;
    }
    if (m_process)
        return;
    m_asked = true;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, &FondantLocator::finish);
    connect(m_process, &QProcess::errorOccurred, m_process, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            m_process->deleteLater(); // no Python at all: ask again next time
    });
    m_process->start(m_python, {QStringLiteral("-c"), QString::fromUtf8(probeScript)});
}

void FondantLocator::finish(int exitCode)
{
    QProcess *process = m_process;
    process->deleteLater();
    if (process->exitStatus() != QProcess::NormalExit || exitCode != 0)
        return;
    const QJsonObject answer = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
    QStringList folders;
    for (const QJsonValue &folder : answer.value(QStringLiteral("folders")).toArray())
        folders << folder.toString();
    const QString components = answer.value(QStringLiteral("components")).toString();
    m_settings->setValue(foldersKey, folders);
    m_settings->setValue(componentsKey, components);
    m_settings->setValue(fingerprintKey, fingerprint(folders));
    if (!components.isEmpty() && QFileInfo(components).isDir())
        Q_EMIT found(components);
}

} // namespace fondant
