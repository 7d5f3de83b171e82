// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/MainWindow.h"

#include "core/cache/PipelineKeys.h"
#include "core/pipeline/PipelineReader.h"
#include "core/spec/ComponentResolver.h"
#include "core/validate/PipelineValidator.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fondant {

namespace {
QString text(const std::string &value)
{
    return QString::fromStdString(value);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_steps(new QTreeWidget), m_problems(new QListWidget),
      m_summary(new QLabel)
{
    setWindowTitle(tr("Fondant Studio"));
    resize(1100, 640);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpen);
    openAction->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    m_steps->setHeaderLabels(
        {tr("Step"), tr("Component"), tr("Image"), tr("Input"), tr("Cache key"), tr("Caching")});
    m_steps->setRootIsDecorated(false);
    m_steps->setAlternatingRowColors(true);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *problemsPanel = new QWidget;
    auto *layout = new QVBoxLayout(problemsPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Problems")));
    layout->addWidget(m_problems);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_steps);
    splitter->addWidget(problemsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    statusBar()->addWidget(m_summary);
    m_summary->setText(tr("Open a pipeline file (*.pipeline.yaml) with File > Open."));
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pipeline"), QString(),
        tr("Fondant pipelines (*.pipeline.yaml *.yaml);;All files (*)"));
    if (!path.isEmpty())
        openPipeline(path);
}

bool MainWindow::openPipeline(const QString &path)
{
    m_steps->clear();
    m_problems->clear();
    Result<Pipeline> read = PipelineReader::readFile(path);
    Diagnostics diagnostics = read.diagnostics();
    if (read.ok()) {
        Pipeline pipeline = std::move(read).value();
        const ComponentResolver resolver = ComponentResolver::forPipeline(pipeline, {});
        resolver.assignDefaultIds(pipeline);
        const PipelineAnalysis analysis = PipelineValidator::validate(pipeline, resolver);
        append(diagnostics, analysis.diagnostics);
        const PipelineKeys keys = PipelineKeys::compute(pipeline, analysis);
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
            const Step &step = pipeline.steps[i];
            const StepAnalysis &stepAnalysis = analysis.steps[i];
            auto *item = new QTreeWidgetItem(m_steps);
            item->setText(0, text(step.id));
            item->setText(
                1, stepAnalysis.spec ? text(stepAnalysis.spec->name()) : text(step.component));
            item->setText(2, stepAnalysis.spec ? text(stepAnalysis.spec->image()) : QString());
            item->setText(3, text(step.input));
            item->setText(
                4, keys.keys[i] ? text(keys.keys[i]->key) : tr("unknown (fix the problems first)"));
            item->setFont(4, mono);
            item->setText(5,
                stepAnalysis.cacheEnabled
                    ? tr("on")
                    : tr("off: %1").arg(text(stepAnalysis.cacheDisabledReason)));
        }
        setWindowTitle(tr("%1 — Fondant Studio").arg(text(pipeline.name)));
    } else {
        setWindowTitle(tr("Fondant Studio"));
    }
    for (const Diagnostic &d : diagnostics) {
        auto *item = new QListWidgetItem(text(d.toString()), m_problems);
        item->setForeground(d.isError() ? QColor(0xb0, 0x1e, 0x1e) : QColor(0x8a, 0x5a, 0x00));
    }
    const auto errors = std::count_if(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
    m_summary->setText(tr("%1 — %2 steps, %3 problems")
                           .arg(QFileInfo(path).fileName())
                           .arg(m_steps->topLevelItemCount())
                           .arg(diagnostics.size()));
    return read.ok() && errors == 0;
}

} // namespace fondant
