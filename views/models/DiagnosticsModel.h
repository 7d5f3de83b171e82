// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <QAbstractTableModel>

namespace fondant {

class PipelineDocument;

/// The document's current problems as a table: severity, message, the fix offered (as a link),
/// step, place in the file. Follows the document's analysis as it changes.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, FixColumn, StepColumn, PlaceColumn, ColumnCount };
    enum Role { StepIdRole = Qt::UserRole + 1, FieldPathRole };

    explicit DiagnosticsModel(PipelineDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Diagnostic &diagnostic(int row) const
    {
        return m_diagnostics.at(static_cast<std::size_t>(row));
    }
    /// Applies the fix the problem in row offers, as one undoable edit; the document analyses
    /// itself again, so the problem goes. False when there is none or it no longer applies.
    bool applyFix(int row);
    int errorCount() const;
    int warningCount() const;
    int noteCount() const;

private:
    void reload();

    PipelineDocument &m_document;
    Diagnostics m_diagnostics;
};

} // namespace fondant
