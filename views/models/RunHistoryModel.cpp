// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/RunHistoryModel.h"

#include "views/document/CacheInspector.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace fondant {

RunHistoryModel::RunHistoryModel(CacheInspector &inspector, QObject *parent)
    : QAbstractTableModel(parent), m_inspector(inspector)
{
    connect(&inspector, &CacheInspector::historyChanged, this, &RunHistoryModel::reload);
    connect(&inspector, &CacheInspector::stepsChanged, this, &RunHistoryModel::updateNextRun);
    reload();
}

void RunHistoryModel::reload()
{
    beginResetModel();
    m_runs = m_inspector.runs();
    m_hasNextRun = m_inspector.history() != nullptr;
    endResetModel();
}

void RunHistoryModel::updateNextRun()
{
    if (m_hasNextRun)
        Q_EMIT dataChanged(index(0, ExecutedColumn), index(0, ReusedColumn));
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size()) + (m_hasNextRun ? 1 : 0);
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int RunHistoryModel::rowOf(const QString &runId) const
{
    if (runId.isEmpty())
        return m_hasNextRun ? 0 : -1;
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (QString::fromStdString(m_runs[i]->runId) == runId)
            return static_cast<int>(i) + (m_hasNextRun ? 1 : 0);
    return -1;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool next = m_hasNextRun && index.row() == 0;
    const RunInfo *run
        = next ? nullptr : m_runs[static_cast<std::size_t>(index.row() - (m_hasNextRun ? 1 : 0))];
    if (role == RunIdRole)
        return run ? QString::fromStdString(run->runId) : QString();
    if (role == Qt::FontRole && next) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= ExecutedColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (next)
            return m_inspector.summary();
        QStringList facts;
        if (run->onlyRecorded)
            facts << tr(
                "Exported here, with no run folder: not run yet, or its folder was removed.");
        if (!run->complete)
            facts << tr("A step folder holds no readable manifest: the run stopped or failed.");
        facts << (run->record ? tr("Its record keeps what Fondant hashed for every key.")
                              : tr("No record: keys are compared by value only."));
        return facts.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    if (next) {
        const std::vector<int> &counts = m_inspector.counts();
        const auto count
            = [&counts](CacheState state) { return counts[static_cast<std::size_t>(state)]; };
        switch (index.column()) {
        case TimeColumn:
            return tr("next run");
        case RunColumn:
            return tr("if started now");
        case ExecutedColumn:
            return count(CacheState::Runs) + count(CacheState::Cascade)
                + count(CacheState::Disabled) + count(CacheState::Fails);
        case ReusedColumn:
            return count(CacheState::Cached);
        default:
            return {};
        }
    }
    switch (index.column()) {
    case TimeColumn:
        return run->time > 0 ? QLocale().toString(
                   QDateTime::fromMSecsSinceEpoch(run->time), QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QString();
    case RunColumn:
        return QString::fromStdString(run->runId);
    case ExecutedColumn:
    case ReusedColumn: {
        const bool executed = index.column() == ExecutedColumn;
        int count = 0;
        for (const StepRun &step : run->steps)
            count += step.executed == executed;
        return count;
    }
    case SizeColumn:
        return run->onlyRecorded ? QString() : QLocale().formattedDataSize(run->outputBytes);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case RunColumn:
        return tr("Run");
    case ExecutedColumn:
        return tr("Executed");
    case ReusedColumn:
        return tr("Reused");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace fondant
