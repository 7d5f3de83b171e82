// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace fondant {

namespace {
const char *const settingsKey = "recentFiles";
} // namespace

RecentFiles::RecentFiles(QObject *parent) : QObject(parent) { }

QStringList RecentFiles::files() const
{
    return QSettings().value(QLatin1String(settingsKey)).toStringList();
}

QString RecentFiles::label(const QString &path)
{
    const QFileInfo info(path);
    return tr("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
}

void RecentFiles::add(const QString &path)
{
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kept)
        list.removeLast();
    QSettings().setValue(QLatin1String(settingsKey), list);
    Q_EMIT changed();
}

} // namespace fondant
