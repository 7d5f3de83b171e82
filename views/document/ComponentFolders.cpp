// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/ComponentFolders.h"

#include "views/document/PipelineDocument.h"

#include <QSettings>

namespace fondant {

namespace {
const char *const settingsKey = "componentFolders";
} // namespace

ComponentFolders::ComponentFolders(PipelineDocument &document, QObject *parent)
    : QObject(parent), m_document(document),
      m_userFolders(QSettings().value(QLatin1String(settingsKey)).toStringList())
{
    m_document.setExtraComponentDirs(m_userFolders);
}

bool ComponentFolders::add(const QString &folder)
{
    if (folder.isEmpty() || m_userFolders.contains(folder))
        return false;
    m_userFolders << folder;
    QSettings().setValue(QLatin1String(settingsKey), m_userFolders);
    apply();
    return true;
}

void ComponentFolders::setFondantFolder(const QString &folder)
{
    m_fondantFolder = folder;
    apply();
}

void ComponentFolders::apply()
{
    QStringList folders = m_userFolders;
    if (!m_fondantFolder.isEmpty())
        folders << m_fondantFolder;
    m_document.setExtraComponentDirs(folders);
    Q_EMIT changed();
}

} // namespace fondant
