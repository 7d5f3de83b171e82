// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/DiagnosticsModel.h"

#include "views/commands/PipelineEditor.h"
#include "views/document/PipelineDocument.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QStyle>

#include <algorithm>

namespace fondant {

DiagnosticsModel::DiagnosticsModel(PipelineDocument &document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(&document, &PipelineDocument::documentReset, this, &DiagnosticsModel::reload);
    connect(&document, &PipelineDocument::analysisChanged, this, &DiagnosticsModel::reload);
    connect(&document, &PipelineDocument::stepsAnalysed, this, &DiagnosticsModel::reload);
    reload();
}

void DiagnosticsModel::reload()
{
    Diagnostics diagnostics = m_document.diagnostics();
    // Errors first, then in the order found (which follows the steps).
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return a.isError() && !b.isError(); });
    // Most edits leave the problems as they were: the view keeps its rows and scroll place.
    if (diagnostics == m_diagnostics)
        return;
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

// A field of a step as a user names it: "argument min_width", not "arguments.min_width".
QString readableField(const std::string &path)
{
    QString field = QString::fromStdString(path);
    field.remove(QStringLiteral(":key"));
    for (const auto &[prefix, name] : {std::pair {"arguments.", "argument "},
             {"resources.", "resource "}, {"consumes.", "consumes "}, {"produces.", "produces "}})
        if (field.startsWith(QLatin1String(prefix)))
            return QLatin1String(name) + field.mid(static_cast<qsizetype>(qstrlen(prefix)));
    return field;
}

} // namespace

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Diagnostic &d = diagnostic(index.row());
    if (role == StepIdRole)
        return QString::fromStdString(d.stepId);
    if (role == FieldPathRole)
        return QString::fromStdString(d.fieldPath);
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(d.toString());
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return d.isError()                    ? tr("Error")
                : d.severity == Severity::Warning ? tr("Warning")
                                                  : tr("Note");
        if (role == Qt::DecorationRole
            && qobject_cast<QApplication *>(QCoreApplication::instance()))
            return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                    : d.severity == Severity::Warning              ? QStyle::SP_MessageBoxWarning
                                                      : QStyle::SP_MessageBoxInformation);
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole)
            return QString::fromStdString(d.message);
        break;
    case FixColumn:
        if (!d.fix)
            break;
        if (role == Qt::DisplayRole)
            return PipelineEditor::fixText(*d.fix);
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Link);
        if (role == Qt::FontRole) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        break;
    case StepColumn:
        if (role == Qt::DisplayRole)
            return d.fieldPath.empty()
                ? QString::fromStdString(d.stepId)
                : QStringLiteral("%1 · %2").arg(
                    QString::fromStdString(d.stepId), readableField(d.fieldPath));
        break;
    case PlaceColumn:
        if (role == Qt::DisplayRole) {
            if (d.file.empty())
                return QString();
            const QString file = QFileInfo(QString::fromStdString(d.file)).fileName();
            return d.mark.isValid()
                ? QStringLiteral("%1:%2:%3").arg(file).arg(d.mark.line).arg(d.mark.column)
                : file;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    case FixColumn:
        return tr("Fix");
    case StepColumn:
        return tr("Step");
    case PlaceColumn:
        return tr("Place");
    default:
        return {};
    }
}

bool DiagnosticsModel::applyFix(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    // A copy: applying it re-analyses the document, which replaces the rows.
    const Diagnostic problem = diagnostic(row);
    return PipelineEditor(m_document).applyFix(problem);
}

int DiagnosticsModel::errorCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
        [](const Diagnostic &d) { return d.isError(); }));
}

int DiagnosticsModel::warningCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
        [](const Diagnostic &d) { return d.severity == Severity::Warning; }));
}

int DiagnosticsModel::noteCount() const
{
    return static_cast<int>(m_diagnostics.size()) - errorCount() - warningCount();
}

} // namespace fondant
