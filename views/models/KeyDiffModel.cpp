// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/KeyDiffModel.h"

#include "core/value/PyJson.h"
#include "views/document/KeyComparison.h"

#include <QFont>

namespace fondant {

KeyDiffModel::KeyDiffModel(KeyComparison &comparison, QObject *parent)
    : QAbstractTableModel(parent), m_comparison(comparison)
{
    connect(&comparison, &KeyComparison::changed, this, &KeyDiffModel::reload);
}

void KeyDiffModel::setStep(const QString &stepId)
{
    m_step = stepId;
    reload();
}

const StepExplanation *KeyDiffModel::explanation() const
{
    return m_step.isEmpty() ? nullptr : m_comparison.explanation(m_step);
}

void KeyDiffModel::reload()
{
    beginResetModel();
    const StepExplanation *step = explanation();
    m_rows = step ? static_cast<int>(step->changes.size()) : 0;
    endResetModel();
}

int KeyDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int KeyDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyDiffModel::data(const QModelIndex &index, int role) const
{
    const StepExplanation *step = explanation();
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !step
        || static_cast<std::size_t>(index.row()) >= step->changes.size())
        return {};
    const KeyChange &change = step->changes[static_cast<std::size_t>(index.row())];
    const bool upstream = change.path == "upstream";
    if (role == Qt::FontRole && !upstream && index.column() == IngredientColumn) {
        QFont font; // the step's own changes: what makes it a root cause
        font.setBold(true);
        return font;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IngredientColumn:
        if (role == Qt::ToolTipRole)
            return upstream ? tr("The key of the step before it in Fondant's order, which this "
                                 "key chains on")
                            : tr("An ingredient of this step's own key");
        return QString::fromStdString(change.path);
    case BeforeColumn:
    case NowColumn: {
        const auto &value = index.column() == BeforeColumn ? change.before : change.now;
        // The whole value in the tooltip; the cell shortens it.
        return QString::fromStdString(role == Qt::ToolTipRole && value
                ? PyJson::dumps(*value, PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep)
                : KeyExplain::valueText(value));
    }
    default:
        return {};
    }
}

QVariant KeyDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IngredientColumn:
        return tr("Ingredient");
    case BeforeColumn:
        return tr("Then");
    case NowColumn:
        return tr("Now");
    default:
        return {};
    }
}

} // namespace fondant
