// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>

namespace fondant {

class KeyComparison;
struct StepExplanation;

/// The ingredients of one step's cache key that differ from the version compared against, as
/// a table: ingredient (as a user edits it: arguments.min_width, image, upstream), value then,
/// value now. Follows the comparison as the document is edited.
class KeyDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IngredientColumn, BeforeColumn, NowColumn, ColumnCount };

    explicit KeyDiffModel(KeyComparison &comparison, QObject *parent = nullptr);

    /// Shows the ingredients of this step ("" for none).
    void setStep(const QString &stepId);
    const QString &step() const { return m_step; }
    /// The comparison of the shown step; null when it has none.
    const StepExplanation *explanation() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();

    KeyComparison &m_comparison;
    QString m_step;
    int m_rows = 0;
};

} // namespace fondant
