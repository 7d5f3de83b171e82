// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/PaletteDock.h"

#include "views/models/ComponentLibraryModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fondant {

PaletteDock::PaletteDock(ComponentLibraryModel *model, QWidget *parent)
    : QDockWidget(tr("Components"), parent), m_model(model),
      m_filter(new QSortFilterProxyModel(this)), m_search(new QLineEdit), m_view(new QTreeView)
{
    setObjectName(QStringLiteral("PaletteDock"));
    m_filter->setSourceModel(model);
    m_filter->setFilterRole(ComponentLibraryModel::SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_search->setPlaceholderText(tr("Search components…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });

    m_view->setModel(m_filter);
    m_view->setHeaderHidden(true);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    const auto activate = [this](const QModelIndex &index) {
        const QString reference = index.data(ComponentLibraryModel::ReferenceRole).toString();
        if (!reference.isEmpty())
            Q_EMIT componentActivated(reference);
    };
    connect(m_view, &QTreeView::activated, this, activate);
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    setWidget(panel);
    m_view->expandAll();
}

} // namespace fondant
