// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

namespace fondant {

class PipelineDocument;

/// The component folders a user added in the settings, and the reusable components of an
/// installed Fondant, given to a document as folders to search after its own.
class ComponentFolders : public QObject
{
    Q_OBJECT

public:
    /// Reads the folders from the settings and gives them to the document.
    explicit ComponentFolders(PipelineDocument &document, QObject *parent = nullptr);

    /// The user's folders, in the order added.
    const QStringList &userFolders() const { return m_userFolders; }
    /// Adds a folder of the user's and remembers it; false when it is there already.
    bool add(const QString &folder);
    /// The components folder of an installed Fondant, searched after the user's.
    void setFondantFolder(const QString &folder);

Q_SIGNALS:
    /// The document searches other folders now.
    void changed();

private:
    void apply();

    PipelineDocument &m_document;
    QStringList m_userFolders;
    QString m_fondantFolder;
};

} // namespace fondant
