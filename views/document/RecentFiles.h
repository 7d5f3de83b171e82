// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

namespace fondant {

/// The pipeline files opened or saved last, newest first, kept in the application's settings.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const;
    /// Puts path first (once), keeping the newest few.
    void add(const QString &path);

    /// "name — folder", as menus and the start page list a file: many pipelines share a name.
    static QString label(const QString &path);

    static constexpr int kept = 10;

Q_SIGNALS:
    void changed();
};

} // namespace fondant
