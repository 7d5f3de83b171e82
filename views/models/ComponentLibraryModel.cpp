// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/ComponentLibraryModel.h"

#include "core/spec/ComponentResolver.h"
#include "core/spec/SpecCache.h"
#include "views/scene/GraphScene.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QMimeData>
#include <QSet>

#include <map>

namespace fondant {

namespace {
// Group rows have internal id 0; component rows carry their group index + 1.
constexpr quintptr groupRow = 0;
} // namespace

ComponentLibraryModel::ComponentLibraryModel(QObject *parent) : QAbstractItemModel(parent) { }

void ComponentLibraryModel::setFolders(const QStringList &folders)
{
    beginResetModel();
    m_folders = folders;
    m_entries.clear();
    m_groups.clear();
    QSet<QString> seen;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : names) {
            const QString specPath = dir.filePath(
                name + QLatin1Char('/') + QLatin1String(ComponentResolver::specFileName));
            if (seen.contains(name) || !QFileInfo(specPath).isFile())
                continue;
            seen.insert(name);
            Entry entry {name, folder, specPath, nullptr, {}};
            const SpecCache::SharedSpec spec
                = SpecCache::shared().load(QFileInfo(specPath).absoluteFilePath());
            if (spec.ok())
                entry.spec = spec.value();
            else
                entry.problem = QString::fromStdString(spec.diagnostics().front().toString());
            m_entries.push_back(std::move(entry));
        }
    }
    std::map<QString, std::vector<int>> byTag;
    for (int i = 0; i < static_cast<int>(m_entries.size()); ++i) {
        const Entry &entry = m_entries[static_cast<std::size_t>(i)];
        if (!entry.spec || entry.spec->tags().empty()) {
            byTag[entry.spec ? tr("Other") : tr("Not usable")].push_back(i);
            continue;
        }
        for (const std::string &tag : entry.spec->tags())
            byTag[QString::fromStdString(tag)].push_back(i);
    }
    for (auto &[tag, indexes] : byTag)
        m_groups.push_back(Group {tag, indexes});
    endResetModel();
}

QModelIndex ComponentLibraryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_groups.size()) ? createIndex(row, 0, groupRow)
                                                       : QModelIndex();
    if (parent.internalId() != groupRow)
        return {};
    const Group &group = m_groups[static_cast<std::size_t>(parent.row())];
    if (row >= static_cast<int>(group.entries.size()))
        return {};
    return createIndex(row, 0, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ComponentLibraryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, groupRow);
}

int ComponentLibraryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() == groupRow && parent.column() == 0)
        return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].entries.size());
    return 0;
}

int ComponentLibraryModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QString ComponentLibraryModel::toolTip(const Entry &entry) const
{
    if (!entry.spec)
        return tr("<b>%1</b><br>This spec cannot be used:<br>%2")
            .arg(entry.name.toHtmlEscaped(), entry.problem.toHtmlEscaped());
    const ComponentSpec &spec = *entry.spec;
    QString tip
        = QStringLiteral("<b>%1</b> <i>(%2)</i><p>%3</p><p><tt>%4</tt></p>")
              .arg(QString::fromStdString(spec.name()).toHtmlEscaped(), entry.name.toHtmlEscaped(),
                  QString::fromStdString(spec.description()).toHtmlEscaped(),
                  QString::fromStdString(spec.image()).toHtmlEscaped());
    if (!spec.arguments().empty()) {
        tip += tr("<b>Arguments</b><ul>");
        for (const ArgumentSpec &argument : spec.arguments()) {
            QString line = QStringLiteral("<li><b>%1</b> (%2)")
                               .arg(QString::fromStdString(argument.name).toHtmlEscaped(),
                                   QString::fromStdString(argument.type));
            if (argument.isRequired())
                line += tr(" <i>required</i>");
            else if (!argument.defaultsToNone())
                line += tr(" = %1").arg(
                    QString::fromStdString(argument.defaultValue->describe()).toHtmlEscaped());
            if (!argument.description.empty())
                line += QStringLiteral(": ")
                    + QString::fromStdString(argument.description).toHtmlEscaped();
            tip += line + QStringLiteral("</li>");
        }
        tip += QStringLiteral("</ul>");
    }
    return tip + tr("<p>Found in %1</p>").arg(entry.folder.toHtmlEscaped());
}

QVariant ComponentLibraryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == groupRow) {
        const Group &group = m_groups[static_cast<std::size_t>(index.row())];
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1 (%2)").arg(group.tag).arg(group.entries.size());
        if (role == SearchTextRole)
            return group.tag;
        return {};
    }
    const Group &group = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    const Entry &entry
        = m_entries[static_cast<std::size_t>(group.entries[static_cast<std::size_t>(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        return entry.spec ? QString::fromStdString(entry.spec->name()) : entry.name;
    case Qt::ToolTipRole:
        return toolTip(entry);
    case ReferenceRole:
        return entry.name;
    case SearchTextRole:
        return entry.spec ? QStringLiteral("%1 %2 %3")
                                .arg(entry.name, QString::fromStdString(entry.spec->name()),
                                    QString::fromStdString(entry.spec->description()))
                          : entry.name;
    case Qt::ForegroundRole:
        // A component whose spec cannot be read is listed in the canvas's error colour.
        return entry.spec ? QVariant()
                          : QVariant(CanvasStyle::fromPalette(QGuiApplication::palette()).error);
    default:
        return {};
    }
}

Qt::ItemFlags ComponentLibraryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == groupRow)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList ComponentLibraryModel::mimeTypes() const
{
    return {QLatin1String(GraphScene::componentMimeType)};
}

QMimeData *ComponentLibraryModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const QString reference = data(index, ReferenceRole).toString();
        if (reference.isEmpty())
            continue;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(GraphScene::componentMimeType), reference.toUtf8());
        mime->setText(reference);
        return mime;
    }
    return nullptr;
}

} // namespace fondant
