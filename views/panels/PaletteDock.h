// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace fondant {

class ComponentLibraryModel;

/// The component library, grouped by tag, with a search box. Drag a component onto the canvas,
/// or double-click it, to add a step.
class PaletteDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit PaletteDock(ComponentLibraryModel *model, QWidget *parent = nullptr);

    QLineEdit *searchBox() const { return m_search; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    /// The user asked to add this component (by double-click or Enter).
    void componentActivated(const QString &reference);

private:
    ComponentLibraryModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QTreeView *m_view;
};

} // namespace fondant
