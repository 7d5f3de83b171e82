// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/WelcomePage.h"

#include "core/spec/ComponentResolver.h"
#include "views/document/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace fondant {

WelcomePage::WelcomePage(const RecentFiles &recentFiles, QWidget *parent)
    : QFrame(parent), m_recentFiles(recentFiles), m_recentList(new QVBoxLayout)
{
    setObjectName(QStringLiteral("welcomePage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMaximumWidth(560);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(12);
    auto *title = new QLabel(tr("Start a pipeline"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    auto *howTo = new QLabel(
        tr("Drag a component from the Components panel onto the canvas. Then drag from a "
           "step's blue output port to the next step to link them."));
    howTo->setWordWrap(true);
    layout->addWidget(howTo);

    auto *buttons = new QHBoxLayout;
    const auto button = [&](const QString &text, const QString &name) {
        auto *created = new QPushButton(text);
        created->setObjectName(name);
        buttons->addWidget(created);
        return created;
    };
    connect(button(tr("New"), QStringLiteral("welcomeNew")), &QPushButton::clicked, this,
        &WelcomePage::newRequested);
    connect(button(tr("Open…"), QStringLiteral("welcomeOpen")), &QPushButton::clicked, this,
        &WelcomePage::openRequested);
    QPushButton *example = button(tr("Open Example"), QStringLiteral("welcomeExample"));
    example->setEnabled(!exampleFile().isEmpty());
    example->setToolTip(exampleFile());
    connect(
        example, &QPushButton::clicked, this, [this] { Q_EMIT openFileRequested(exampleFile()); });
    buttons->addStretch();
    layout->addLayout(buttons);

    layout->addLayout(m_recentList);
    connect(&recentFiles, &RecentFiles::changed, this, &WelcomePage::listRecentFiles);
    listRecentFiles();
}

QString WelcomePage::exampleFile()
{
    const QString components = ComponentResolver::bundledLibraryDir();
    if (components.isEmpty())
        return {};
    const QString example = QDir::cleanPath(
        QDir(components).filePath(QStringLiteral("../examples/reviews.pipeline.yaml")));
    return QFileInfo(example).isFile() ? example : QString();
}

void WelcomePage::listRecentFiles()
{
    while (QLayoutItem *item = m_recentList->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList files = m_recentFiles.files();
    if (files.isEmpty())
        return;
    auto *heading = new QLabel(tr("Recent"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    m_recentList->addWidget(heading);
    for (const QString &path : files) {
        auto *entry = new QToolButton;
        entry->setAutoRaise(true);
        entry->setToolButtonStyle(Qt::ToolButtonTextOnly);
        entry->setText(RecentFiles::label(path));
        entry->setToolTip(path);
        entry->setEnabled(QFileInfo::exists(path));
        connect(
            entry, &QToolButton::clicked, this, [this, path] { Q_EMIT openFileRequested(path); });
        m_recentList->addWidget(entry);
    }
}

} // namespace fondant
