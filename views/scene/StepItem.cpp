// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/StepItem.h"

#include "views/document/PipelineDocument.h"
#include "views/scene/EdgeItem.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace fondant {

namespace {
constexpr qreal headerHeight = 48;
constexpr qreal rowHeight = 16;
constexpr qreal portRadius = 6;
constexpr int maxRows = 6;

const QColor frameColor(0x8d, 0x96, 0xa3);
const QColor errorColor(0xc6, 0x28, 0x28);
const QColor warningColor(0xe0, 0x9b, 0x00);
const QColor selectionColor(0x1e, 0x6f, 0xd9);

QString fieldLine(const Field &field)
{
    return QString::fromStdString(field.name + ": " + field.type.displayName());
}

QStringList limited(QStringList lines)
{
    if (lines.size() > maxRows) {
        const auto hidden = lines.size() - (maxRows - 1);
        lines = lines.mid(0, maxRows - 1);
        lines << QObject::tr("+%1 more").arg(hidden);
    }
    return lines;
}
} // namespace

StepItem::StepItem(const PipelineDocument &document, const QString &id)
    : m_document(document), m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(NoCache);
    refresh();
}

void StepItem::setStepId(const QString &id)
{
    m_id = id;
    refresh();
}

void StepItem::refresh()
{
    const Step *step = m_document.step(m_id);
    const StepAnalysis *analysis = m_document.stepAnalysis(m_id);
    if (!step)
        return;
    const qreal oldHeight = height();
    m_title = m_id;
    m_component = QString::fromStdString(step->component);
    m_imageTag.clear();
    m_consumes.clear();
    m_produces.clear();
    m_isFirst = m_document.indexOf(m_id) == 0;
    if (analysis && analysis->spec) {
        m_component = QString::fromStdString(analysis->spec->name());
        const std::string tag = analysis->spec->imageTag();
        m_imageTag = QString::fromStdString(tag.empty() ? std::string("untagged") : tag);
    }
    if (analysis && analysis->operation) {
        for (const Field &field : analysis->operation->datasetConsumes())
            m_consumes << fieldLine(field);
        for (const Field &field : analysis->operation->datasetProduces())
            m_produces << fieldLine(field);
    } else if (analysis && analysis->spec) {
        for (const Field &field : analysis->spec->consumes().fields)
            m_consumes << fieldLine(field);
        for (const Field &field : analysis->spec->produces().fields)
            m_produces << fieldLine(field);
    }
    m_consumes = limited(m_consumes);
    m_produces = limited(m_produces);
    if (height() != oldHeight)
        prepareGeometryChange();
    m_errors = 0;
    m_warnings = 0;
    for (const Diagnostic &d : m_document.diagnosticsOf(m_id)) {
        if (d.isError())
            ++m_errors;
        else if (d.severity == Severity::Warning)
            ++m_warnings;
    }
    m_cacheOff = analysis && !analysis->cacheEnabled;
    m_status = statusText();
    update();
}

void StepItem::refreshKey()
{
    QString status = statusText();
    if (status == m_status)
        return;
    m_status = std::move(status);
    update();
}

QString StepItem::statusText() const
{
    if (m_errors > 0)
        return m_errors == 1 ? QObject::tr("1 problem") : QObject::tr("%1 problems").arg(m_errors);
    if (m_cacheOff)
        return QObject::tr("caching off");
    if (const CacheKey *key = m_document.cacheKey(m_id))
        return QString::fromStdString(key->key.substr(0, 8));
    return {};
}

QString StepItem::toolTipText() const
{
    const StepAnalysis *analysis = m_document.stepAnalysis(m_id);
    const CacheKey *key = m_document.cacheKey(m_id);
    QString tip
        = QStringLiteral("<b>%1</b> — %2").arg(m_id.toHtmlEscaped(), m_component.toHtmlEscaped());
    if (analysis && analysis->spec)
        tip += QStringLiteral("<br>%1").arg(
            QString::fromStdString(analysis->spec->image()).toHtmlEscaped());
    if (key)
        tip += QObject::tr("<br>cache key <tt>%1</tt>").arg(QString::fromStdString(key->key));
    if (m_cacheOff && analysis)
        tip += QObject::tr("<br>caching off: %1")
                   .arg(QString::fromStdString(analysis->cacheDisabledReason).toHtmlEscaped());
    // The step's problems themselves, the first few, errors before warnings.
    constexpr int shown = 5;
    int listed = 0;
    int more = 0;
    for (const Severity severity : {Severity::Error, Severity::Warning})
        for (const Diagnostic &d : m_document.diagnosticsOf(m_id)) {
            if (d.severity != severity)
                continue;
            if (listed == shown) {
                ++more;
                continue;
            }
            tip += QStringLiteral("<br>%1: %2")
                       .arg(severity == Severity::Error ? QObject::tr("error")
                                                        : QObject::tr("warning"),
                           QString::fromStdString(d.message).toHtmlEscaped());
            ++listed;
        }
    if (more > 0)
        tip += QObject::tr("<br>… and %1 more in Problems").arg(more);
    return tip;
}

qreal StepItem::height() const
{
    const auto rows = std::max(m_consumes.size(), m_produces.size());
    return headerHeight + (rows > 0 ? static_cast<qreal>(rows) * rowHeight + 8 : 0);
}

QRectF StepItem::boundingRect() const
{
    return QRectF(-portRadius - 2, -2, width + 2 * portRadius + 4, height() + 4);
}

QPointF StepItem::inputPortPos() const
{
    return mapToScene(QPointF(0, headerHeight / 2));
}

QPointF StepItem::outputPortPos() const
{
    return mapToScene(QPointF(width, headerHeight / 2));
}

StepItem::Port StepItem::portAt(QPointF point) const
{
    const auto near = [&](QPointF port) { return QLineF(point, port).length() <= portRadius + 4; };
    if (near(QPointF(width, headerHeight / 2)))
        return Port::Output;
    if (near(QPointF(0, headerHeight / 2)))
        return Port::Input;
    return Port::None;
}

void StepItem::setDropHint(int hint)
{
    if (m_dropHint != hint) {
        m_dropHint = hint;
        update();
    }
}

void StepItem::addEdge(EdgeItem *edge)
{
    m_edges << edge;
}

void StepItem::removeEdge(EdgeItem *edge)
{
    m_edges.removeAll(edge);
}

QVariant StepItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    return QGraphicsItem::itemChange(change, value);
}

void StepItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    setToolTip(toolTipText()); // built when wanted, not on every edit of a large pipeline
    QGraphicsItem::hoverEnterEvent(event);
}

void StepItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(portAt(event->pos()) == Port::Output ? Qt::CrossCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void StepItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF body(0, 0, width, height());
    QColor border = frameColor;
    if (m_errors > 0)
        border = errorColor;
    else if (m_warnings > 0)
        border = warningColor;
    if (m_dropHint == 1)
        border = QColor(0x2e, 0x9d, 0x4f);
    else if (m_dropHint == 2)
        border = warningColor;
    else if (m_dropHint < 0)
        border = errorColor;
    const bool selected = isSelected();
    const QColor header = m_cacheOff ? QColor(0xe9, 0xeb, 0xee) : QColor(0xe3, 0xee, 0xfb);

    if (lod < 0.12) { // too far away for text or round corners: a block in the frame's colour
        painter->fillRect(body, header);
        painter->setPen(QPen(selected ? selectionColor : border, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(body);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.4);
    painter->setPen(
        QPen(selected ? selectionColor : border, selected || m_errors || m_dropHint ? 2.5 : 1.2));
    painter->setBrush(QColor(0xfb, 0xfc, 0xfd));
    painter->drawRoundedRect(body, 7, 7);
    painter->setPen(Qt::NoPen);
    painter->setBrush(header);
    painter->drawRoundedRect(QRectF(1, 1, width - 2, headerHeight - 2), 6, 6);

    if (lod < 0.35) { // far away: the block and its name are enough
        painter->setPen(Qt::black);
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * 2.4);
        painter->setFont(font);
        painter->drawText(body.adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap, m_title);
        return;
    }

    QFont font = painter->font();
    QFont bold = font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(QColor(0x1b, 0x24, 0x30));
    const QFontMetricsF boldMetrics(bold);
    painter->drawText(QRectF(12, 5, width - 100, 18), Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(m_title, Qt::ElideRight, width - 100));
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(QColor(0x4a, 0x55, 0x63));
    const QFontMetricsF smallMetrics(small);
    const QString subtitle = m_imageTag.isEmpty()
        ? m_component
        : QStringLiteral("%1 · %2").arg(m_component, m_imageTag);
    painter->drawText(QRectF(12, 25, width - 24, 16), Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(subtitle, Qt::ElideRight, width - 24));

    if (!m_status.isEmpty()) {
        const qreal badgeWidth = smallMetrics.horizontalAdvance(m_status) + 12;
        const QRectF badge(width - badgeWidth - 8, 6, badgeWidth, 16);
        QColor fill = QColor(0xd7, 0xe3, 0xf4);
        if (m_errors > 0)
            fill = QColor(0xf8, 0xd7, 0xd7);
        else if (m_cacheOff)
            fill = QColor(0xdd, 0xdf, 0xe3);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, 8, 8);
        painter->setPen(m_errors > 0 ? errorColor : QColor(0x33, 0x3d, 0x4a));
        painter->drawText(badge, Qt::AlignCenter, m_status);
    }

    painter->setPen(QColor(0x3b, 0x45, 0x52));
    for (int i = 0; i < m_consumes.size(); ++i)
        painter->drawText(QRectF(10, headerHeight + 4 + i * rowHeight, width / 2 - 12, rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(
                QStringLiteral("→ ") + m_consumes.at(i), Qt::ElideRight, width / 2 - 12));
    for (int i = 0; i < m_produces.size(); ++i)
        painter->drawText(
            QRectF(width / 2, headerHeight + 4 + i * rowHeight, width / 2 - 10, rowHeight),
            Qt::AlignRight | Qt::AlignVCenter,
            smallMetrics.elidedText(
                m_produces.at(i) + QStringLiteral(" →"), Qt::ElideRight, width / 2 - 10));

    painter->setPen(QPen(frameColor, 1.2));
    if (!m_isFirst) {
        painter->setBrush(QColor(0xff, 0xff, 0xff));
        painter->drawEllipse(QPointF(0, headerHeight / 2), portRadius, portRadius);
    }
    painter->setBrush(QColor(0x1e, 0x6f, 0xd9));
    painter->drawEllipse(QPointF(width, headerHeight / 2), portRadius, portRadius);
}

} // namespace fondant
