// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentSpec.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace fondant {

/// The components a user can add, found in component folders and grouped by tag. Each
/// component row drags as its reference (the name when it resolves by name, else its path).
class ComponentLibraryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { ReferenceRole = Qt::UserRole + 1, SearchTextRole };

    struct Entry
    {
        QString name; ///< the folder name, used as the component reference
        QString folder; ///< the search folder it was found in
        QString specPath; ///< its fondant_component.yaml
        std::shared_ptr<const ComponentSpec> spec; ///< null when the spec has errors
        QString problem; ///< why the spec cannot be used
    };

    explicit ComponentLibraryModel(QObject *parent = nullptr);

    /// Scans the folders in order; a name found twice keeps its first folder (as resolution does).
    void setFolders(const QStringList &folders);
    const QStringList &folders() const { return m_folders; }
    const std::vector<Entry> &entries() const { return m_entries; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    struct Group
    {
        QString tag;
        std::vector<int> entries; ///< indexes into m_entries
    };
    QString toolTip(const Entry &entry) const;

    QStringList m_folders;
    std::vector<Entry> m_entries;
    std::vector<Group> m_groups;
};

} // namespace fondant
