// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QVBoxLayout;

namespace fondant {

class RecentFiles;

/// What an empty canvas offers: how to begin (drag a component in), New, Open, Open Example,
/// and the recent files with their folders.
class WelcomePage : public QFrame
{
    Q_OBJECT

public:
    explicit WelcomePage(const RecentFiles &recentFiles, QWidget *parent = nullptr);

    /// The bundled example pipeline, next to the bundled components; "" when not installed.
    static QString exampleFile();

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void openFileRequested(const QString &path);

private:
    void listRecentFiles();

    const RecentFiles &m_recentFiles;
    QVBoxLayout *m_recentList;
};

} // namespace fondant
