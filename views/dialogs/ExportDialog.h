// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/export/PipelineExport.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

namespace fondant {

class PipelineSession;

/// Asks where and how to export a pipeline (Docker Compose, Kubeflow, Vertex or a Fondant
/// program; working directory, run id, output file), checks the export as the answers change,
/// previews the file with its changes since the last export to the same file, and writes the
/// file and the run's record.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// documentPath: where the pipeline is saved ("" for a new one); relative working
    /// directories and the default output file are taken from its folder.
    ExportDialog(
        const PipelineSession &session, const QString &documentPath, QWidget *parent = nullptr);

    QComboBox *targetBox() const { return m_target; }
    QLineEdit *workingDirectoryEdit() const { return m_workingDirectory; }
    QLineEdit *runIdEdit() const { return m_runId; }
    QLineEdit *outputEdit() const { return m_output; }
    QListWidget *problemsList() const { return m_problems; }
    /// The file as it would be written.
    QPlainTextEdit *preview() const { return m_preview; }
    /// Its changes against the file written by the last export there, as a unified diff.
    QPlainTextEdit *changes() const { return m_changes; }
    /// The run id and where the run's record goes, for a target that starts a run.
    QLabel *runLabel() const { return m_run; }
    /// Checks the answers now (otherwise shortly after they change).
    void check();
    /// Writes the file and the record; false (with the problems listed) when it cannot.
    bool exportNow();
    /// After a successful export: what was written, for the status bar.
    const QString &summary() const { return m_summary; }

private:
    PipelineExport::Target target() const;
    QString defaultOutputName() const;
    /// The output as an absolute path (relative to the document's folder).
    QString outputPath() const;
    /// The settings and text of the export as answered, with its problems listed.
    std::optional<std::pair<ExportSettings, std::string>> prepare();
    void showProblems(const Diagnostics &problems);
    void showPreview(const ExportSettings &settings, const std::string &text);

    const PipelineSession &m_session;
    QString m_base; ///< the document's folder
    QComboBox *m_target;
    QLineEdit *m_workingDirectory;
    QLineEdit *m_runId;
    QLineEdit *m_output;
    QListWidget *m_problems;
    QLabel *m_verdict;
    QLabel *m_run;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_preview;
    QPlainTextEdit *m_changes;
    QDialogButtonBox *m_buttons;
    QTimer *m_checkTimer;
    bool m_outputEdited = false;
    QString m_summary;
};

} // namespace fondant
