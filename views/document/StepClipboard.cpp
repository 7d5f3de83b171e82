// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/StepClipboard.h"

#include "views/commands/PipelineEditor.h"
#include "views/document/PipelineDocument.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace fondant {

bool StepClipboard::copy(PipelineDocument &document, const QStringList &ids)
{
    if (ids.isEmpty())
        return false;
    const QString text = PipelineEditor(document).copySteps(ids);
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(mimeType), text.toUtf8());
    mime->setText(text);
    QGuiApplication::clipboard()->setMimeData(mime);
    return true;
}

QString StepClipboard::text()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return {};
    return mime->hasFormat(QLatin1String(mimeType))
        ? QString::fromUtf8(mime->data(QLatin1String(mimeType)))
        : mime->text();
}

} // namespace fondant
