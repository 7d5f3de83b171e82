// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/dialogs/ExportDialog.h"

#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"
#include "core/util/LineDiff.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fondant {

namespace {

// A line edit with a button beside it that fills it from a file dialog.
QWidget *withBrowseButton(QLineEdit *edit, const QString &text, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *button = new QPushButton(text, row);
    layout->addWidget(button);
    button->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    return row;
}

} // namespace

ExportDialog::ExportDialog(
    const PipelineSession &session, const QString &documentPath, QWidget *parent)
    : QDialog(parent), m_session(session),
      m_base(documentPath.isEmpty() ? QDir::currentPath() : QFileInfo(documentPath).absolutePath()),
      m_target(new QComboBox(this)), m_workingDirectory(new QLineEdit(this)),
      m_runId(new QLineEdit(this)), m_output(new QLineEdit(this)),
      m_problems(new QListWidget(this)), m_verdict(new QLabel(this)), m_run(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_preview(new QPlainTextEdit(this)),
      m_changes(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_checkTimer(new QTimer(this))
{
    setWindowTitle(tr("Export Pipeline"));
    m_target->addItem(tr("Docker Compose — run locally with docker compose up"),
        int(PipelineExport::Target::Compose));
    m_target->addItem(tr("Kubeflow Pipelines — upload to a Kubeflow cluster"),
        int(PipelineExport::Target::Kubeflow));
    m_target->addItem(
        tr("Vertex AI Pipelines — submit to Google Cloud"), int(PipelineExport::Target::Vertex));
    m_target->addItem(tr("Fondant Python program — keep in git, run with fondant run"),
        int(PipelineExport::Target::Python));
    m_workingDirectory->setObjectName(QStringLiteral("workingDirectory"));
    m_workingDirectory->setText(QString::fromStdString(session.pipeline().workingDirectory));
    m_workingDirectory->setPlaceholderText(tr("a local folder, or gs://bucket/path, s3://…"));
    m_workingDirectory->setToolTip(
        tr("Where the run keeps its data, manifests and cache. A relative folder is relative "
           "to the pipeline file."));
    m_runId->setPlaceholderText(tr("%1-YYYYmmddHHMMSS (made when exporting)")
                                    .arg(QString::fromStdString(session.pipeline().name)));
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setText(QDir(m_base).filePath(defaultOutputName()));

    auto *form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(
        tr("&Working directory:"), withBrowseButton(m_workingDirectory, tr("Choose…"), this));
    form->addRow(tr("&Run id:"), m_runId);
    form->addRow(tr("&Save as:"), withBrowseButton(m_output, tr("Choose…"), this));
    m_problems->setWordWrap(true);
    m_problems->setMinimumHeight(110);
    m_verdict->setWordWrap(true);
    m_run->setWordWrap(true);
    m_run->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QPlainTextEdit *text : {m_preview, m_changes}) {
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_preview->setObjectName(QStringLiteral("preview"));
    m_changes->setObjectName(QStringLiteral("changes"));
    m_tabs->addTab(m_preview, tr("Preview"));
    m_tabs->addTab(m_changes, tr("Changes since the last export"));
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_run);
    layout->addWidget(m_tabs, 3);
    layout->addStretch(); // keeps the verdict under the answers when there are no problems
    layout->addWidget(m_buttons);
    resize(720, 420);

    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(250);
    connect(m_checkTimer, &QTimer::timeout, this, &ExportDialog::check);
    const auto changed = [this] { m_checkTimer->start(); };
    connect(m_workingDirectory, &QLineEdit::textChanged, this, changed);
    connect(m_runId, &QLineEdit::textChanged, this, changed);
    connect(m_output, &QLineEdit::textEdited, this, [this, changed] {
        m_outputEdited = true;
        changed();
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, [this, changed] {
        const bool startsRun = PipelineExport::startsRun(target());
        m_workingDirectory->parentWidget()->setEnabled(startsRun);
        m_runId->setEnabled(startsRun);
        if (!m_outputEdited)
            m_output->setText(
                QDir(QFileInfo(m_output->text()).absolutePath()).filePath(defaultOutputName()));
        changed();
    });
    connect(findChild<QPushButton *>(QStringLiteral("workingDirectoryBrowse")),
        &QPushButton::clicked, this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(
                this, tr("Working directory"), QDir(m_base).filePath(m_workingDirectory->text()));
            if (!folder.isEmpty())
                m_workingDirectory->setText(folder);
        });
    connect(findChild<QPushButton *>(QStringLiteral("outputBrowse")), &QPushButton::clicked, this,
        [this] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save the exported file as"),
                m_output->text(),
                PipelineExport::startsRun(target()) ? tr("YAML (*.yml *.yaml)")
                                                    : tr("Python (*.py)"));
            if (!path.isEmpty()) {
                m_output->setText(path);
                m_outputEdited = true;
            }
        });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (exportNow())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

PipelineExport::Target ExportDialog::target() const
{
    return PipelineExport::Target(m_target->currentData().toInt());
}

QString ExportDialog::defaultOutputName() const
{
    const QString name = QString::fromStdString(m_session.pipeline().name);
    switch (target()) {
    case PipelineExport::Target::Compose:
        return QStringLiteral("docker-compose.yml");
    case PipelineExport::Target::Kubeflow:
        return name + QStringLiteral("-kubeflow.yml");
    case PipelineExport::Target::Vertex:
        return name + QStringLiteral("-vertex.yml");
    case PipelineExport::Target::Python:
        return QStringLiteral("pipeline.py");
    }
    return {};
}

std::optional<std::pair<ExportSettings, std::string>> ExportDialog::prepare()
{
    ExportSettings settings;
    if (PipelineExport::startsRun(target())) {
        Result<ExportSettings> made = ExportSettings::make(m_workingDirectory->text().trimmed(),
            m_base, m_session.pipeline().name, m_runId->text().trimmed().toStdString());
        if (!made.ok()) {
            showProblems(made.diagnostics());
            return std::nullopt;
        }
        settings = std::move(made).value();
    }
    Result<std::string> text = PipelineExport::text(m_session, target(), settings, outputPath());
    showProblems(text.diagnostics());
    if (!text.ok())
        return std::nullopt;
    showPreview(settings, text.value());
    return std::make_pair(std::move(settings), std::move(text).value());
}

QString ExportDialog::outputPath() const
{
    return QDir(m_base).absoluteFilePath(m_output->text().trimmed());
}

void ExportDialog::check()
{
    m_checkTimer->stop();
    const bool ready = prepare().has_value();
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(!ready);
    for (QAbstractButton *button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(ready);
}

void ExportDialog::showProblems(const Diagnostics &problems)
{
    m_problems->clear();
    int errors = 0;
    for (const Diagnostic &problem : problems) {
        const bool error = problem.isError();
        errors += error;
        auto *item
            = new QListWidgetItem(style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                              : QStyle::SP_MessageBoxWarning),
                QString::fromStdString(problem.toString()), m_problems);
        item->setData(Qt::UserRole, error);
    }
    m_problems->setVisible(!problems.empty());
    if (errors > 0)
        m_verdict->setText(errors == 1
                ? tr("This export cannot be written: 1 problem below.")
                : tr("This export cannot be written: %1 problems below.").arg(errors));
    else if (!problems.empty())
        m_verdict->setText(tr("Ready to export; read the warnings below first."));
    else if (!PipelineExport::startsRun(target()))
        m_verdict->setText(tr("Ready. Fondant gives the program its run id and working directory "
                              "when it runs it (fondant run local %1 --working-directory …); its "
                              "cache keys are those the canvas shows.")
                               .arg(QFileInfo(outputPath()).fileName()));
    else
        m_verdict->setText(tr("Ready. The cache keys in the file are those the canvas shows."));
}

void ExportDialog::showPreview(const ExportSettings &settings, const std::string &text)
{
    m_preview->setPlainText(QString::fromStdString(text));
    // The last export to this file, if there is one of a size that can be compared.
    constexpr qint64 largestCompared = 64 * 1024 * 1024;
    const QString output = outputPath();
    QFile previous(output);
    QString changes;
    if (!QFileInfo(output).isFile()) {
        changes = tr("Nothing has been exported to %1 yet: the whole file is new.")
                      .arg(QDir::toNativeSeparators(output));
    } else if (previous.size() > largestCompared || !previous.open(QIODevice::ReadOnly)) {
        changes = tr("The file exported before cannot be compared (unreadable or over 64 MB).");
    } else {
        const std::string diff = LineDiff::unified(previous.readAll().toStdString(), text);
        changes = diff.empty()
            ? tr("The same as the last export to %1.").arg(QDir::toNativeSeparators(output))
            : QString::fromStdString(diff);
    }
    m_changes->setPlainText(changes);
    const bool startsRun = PipelineExport::startsRun(target());
    m_run->setVisible(startsRun);
    if (startsRun)
        m_run->setText(tr("Run id %1; its record (every key with what Fondant hashed for it) "
                          "goes to %2")
                           .arg(QString::fromStdString(settings.runId),
                               QDir::toNativeSeparators(RunRecord::location(
                                   QString::fromStdString(settings.workingDirectory),
                                   settings.runId, RunRecord::userDataFolder()))));
}

bool ExportDialog::exportNow()
{
    const std::optional<std::pair<ExportSettings, std::string>> prepared = prepare();
    if (!prepared)
        return false;
    const auto &[settings, text] = *prepared;
    const QString output = outputPath();
    if (m_output->text().trimmed().isEmpty()) {
        showProblems({Diagnostic::error({}, {}, "choose where to save the exported file")});
        return false;
    }
    if (const auto error = PipelineExport::write(
            m_session, target(), settings, text, output, RunRecord::userDataFolder())) {
        showProblems({*error});
        return false;
    }
    m_summary = PipelineExport::startsRun(target())
        ? tr("Exported run %1 to %2; its record lets later versions be compared with it")
              .arg(QString::fromStdString(settings.runId), output)
        : tr("Wrote the Fondant program %1").arg(output);
    return true;
}

} // namespace fondant
