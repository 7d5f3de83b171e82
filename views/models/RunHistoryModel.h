// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace fondant {

class CacheInspector;
struct RunInfo;

/// The runs of a pipeline in its working directory as a table, newest first, after a first row
/// for the next run (what would execute if it started now): when, run id, steps executed and
/// reused, size on disk. Follows the inspector as runs are written and the pipeline is edited.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, RunColumn, ExecutedColumn, ReusedColumn, SizeColumn, ColumnCount };
    enum Role {
        RunIdRole = Qt::UserRole + 1 ///< "" for the next run
    };

    explicit RunHistoryModel(CacheInspector &inspector, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of a run ("" for the next run), or -1.
    int rowOf(const QString &runId) const;

private:
    void reload();
    void updateNextRun();

    CacheInspector &m_inspector;
    std::vector<const RunInfo *> m_runs;
    bool m_hasNextRun = false;
};

} // namespace fondant
