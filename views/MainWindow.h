// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace fondant {

/// The application window: shows an opened pipeline's steps with their cache keys, and the
/// problems the validator found.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Loads, validates and shows a pipeline file; problems are listed, never thrown.
    bool openPipeline(const QString &path);

private:
    void chooseAndOpen();

    QTreeWidget *m_steps;
    QListWidget *m_problems;
    QLabel *m_summary;
};

} // namespace fondant
