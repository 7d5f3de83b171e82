// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/KeyDiffDock.h"

#include "views/document/KeyComparison.h"
#include "views/models/KeyDiffModel.h"
#include "views/panels/NoteLabel.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fondant {

namespace {

QString shortKey(const std::optional<std::string> &key)
{
    return key ? QString::fromStdString(key->substr(0, 8)) : QStringLiteral("?");
}

} // namespace

KeyDiffDock::KeyDiffDock(KeyComparison &comparison, QWidget *parent)
    : QDockWidget(tr("Key Diff"), parent), m_comparison(comparison),
      m_model(new KeyDiffModel(comparison, this)), m_against(new QComboBox),
      m_summary(new NoteLabel), m_cause(new QToolButton), m_copy(new QToolButton),
      m_view(new QTableView)
{
    setObjectName(QStringLiteral("KeyDiffDock"));
    m_against->addItem(QString(), int(KeyComparison::Against::Run)); // named by updateSummary
    m_against->addItem(tr("the saved file"), int(KeyComparison::Against::SavedFile));
    m_against->addItem(tr("HEAD in git"), int(KeyComparison::Against::GitHead));
    m_against->addItem(tr("another pipeline file…"), int(KeyComparison::Against::File));
    m_against->setToolTip(tr("The version of the pipeline the keys are compared with; the run "
                             "is the one selected in Runs, else the newest with a record"));
    connect(m_against, &QComboBox::activated, this, &KeyDiffDock::chooseAgainst);

    m_cause->setObjectName(QStringLiteral("showCause"));
    m_cause->setAutoRaise(true);
    connect(m_cause, &QToolButton::clicked, this, [this] {
        if (const StepExplanation *step = m_model->explanation(); step && step->causedBy)
            Q_EMIT stepRequested(QString::fromStdString(*step->causedBy));
    });
    m_copy->setObjectName(QStringLiteral("copyDiff"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the comparison as text"));
    connect(m_copy, &QToolButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_comparison.text(m_model->step())); });

    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    // The bottom panels share their height with the canvas: this one asks for little of it.
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height() * 2);
    m_summary->setMaximumLines(3);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Then and now side by side, the rest of the width after them.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Compare with")));
    top->addWidget(m_against, 1);
    top->addWidget(m_copy);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_cause, 0, Qt::AlignTop);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(summaryRow);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyDiffDock::updateSummary);
    updateSummary();
}

void KeyDiffDock::setStep(const QString &stepId)
{
    m_model->setStep(stepId);
}

void KeyDiffDock::chooseAgainst(int index)
{
    const auto against = static_cast<KeyComparison::Against>(m_against->itemData(index).toInt());
    QString file;
    if (against == KeyComparison::Against::File) {
        file = QFileDialog::getOpenFileName(this, tr("Pipeline to Compare With"), {},
            tr("Pipeline files (*.yaml *.yml);;All files (*)"));
        if (file.isEmpty()) {
            m_against->setCurrentIndex(m_against->findData(int(m_comparison.against())));
            return;
        }
    }
    m_comparison.compareWith(against, file);
}

QString KeyDiffDock::summary() const
{
    return m_summary->text();
}

void KeyDiffDock::updateSummary()
{
    const QString id = m_model->step();
    const StepExplanation *step = m_model->explanation();
    const QString against = m_comparison.description();
    m_against->setItemText(0, m_comparison.runDescription());
    m_cause->hide();
    m_copy->setEnabled(step);
    m_summary->setTone(NoteLabel::Tone::Normal);
    m_summary->setToolTip({});
    if (!m_comparison.problem().isEmpty()) {
        m_summary->setTone(NoteLabel::Tone::Secondary);
        m_summary->setText(m_comparison.problem());
    } else if (id.isEmpty()) {
        m_summary->setTone(NoteLabel::Tone::Secondary);
        m_summary->setText(
            tr("Select a step to see why its cache key differs from %1.").arg(against));
    } else if (!step) {
        m_summary->setText(tr("%1 cannot be compared with %2.").arg(id, against));
    } else if (step->changed == false) {
        m_summary->setText(tr("%1: key unchanged against %2 (%3): Fondant reuses its output.")
                               .arg(id, against, shortKey(step->newKey)));
    } else if (step->changed != true) {
        m_summary->setText(tr("%1 cannot be compared with %2: %3")
                               .arg(id, against, QString::fromStdString(step->note)));
    } else if (step->rootCause == false) {
        const QString cause
            = step->causedBy ? QString::fromStdString(*step->causedBy) : tr("an earlier step");
        m_summary->setText(
            tr("%1 re-runs because %2 changed (cascade): only the key it chains "
               "on differs from %3. Key %4 → %5.")
                .arg(id, cause, against, shortKey(step->oldKey), shortKey(step->newKey)));
        if (step->causedBy) {
            m_cause->setText(tr("Show %1").arg(cause));
            m_cause->show();
        }
    } else {
        m_summary->setTone(NoteLabel::Tone::Problem);
        m_summary->setText(
            tr("%1 changed itself against %2: it is a root cause, and the steps "
               "after it re-run. Key %3 → %4.%5")
                .arg(id, against, shortKey(step->oldKey), shortKey(step->newKey),
                    step->note.empty() ? QString()
                                       : QStringLiteral(" ") + QString::fromStdString(step->note)));
    }
}

} // namespace fondant
