// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/StepItem.h"

#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/CanvasStyle.h"
#include "views/scene/EdgeItem.h"
#include "views/scene/GraphScene.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace fondant {

namespace {
constexpr qreal portRadius = StepPainter::portRadius;
constexpr int maxRows = StepPainter::maxRows;

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
    StepLook look;
    look.title = m_id;
    look.subtitle = QString::fromStdString(step->component);
    look.isFirst = m_document.indexOf(m_id) == 0;
    look.selected = isSelected();
    look.dropHint = m_look.dropHint;
    look.cache = m_look.cache;
    look.cacheLine = m_look.cacheLine;
    look.news = m_look.news;
    if (analysis && analysis->spec) {
        const std::string tag = analysis->spec->imageTag();
        look.subtitle
            = QStringLiteral("%1 · %2").arg(QString::fromStdString(analysis->spec->name()),
                QString::fromStdString(tag.empty() ? std::string("untagged") : tag));
    }
    if (analysis && analysis->operation) {
        for (const Field &field : analysis->operation->datasetConsumes())
            look.consumes << fieldLine(field);
        for (const Field &field : analysis->operation->datasetProduces())
            look.produces << fieldLine(field);
    } else if (analysis && analysis->spec) {
        for (const Field &field : analysis->spec->consumes().fields)
            look.consumes << fieldLine(field);
        for (const Field &field : analysis->spec->produces().fields)
            look.produces << fieldLine(field);
    }
    look.consumes = limited(look.consumes);
    look.produces = limited(look.produces);
    for (const Diagnostic &d : m_document.diagnosticsOf(m_id)) {
        if (d.isError())
            ++look.errors;
        else if (d.severity == Severity::Warning)
            ++look.warnings;
    }
    look.cacheOff = analysis && !analysis->cacheEnabled;
    m_look = std::move(look);
    m_look.status = statusText();
    if (height() != oldHeight)
        prepareGeometryChange();
    update();
}

void StepItem::refreshKey()
{
    QString status = statusText();
    if (status == m_look.status)
        return;
    m_look.status = std::move(status);
    update();
}

QString StepItem::statusText() const
{
    if (m_look.errors > 0)
        return m_look.errors == 1 ? QObject::tr("1 problem")
                                  : QObject::tr("%1 problems").arg(m_look.errors);
    if (m_look.cacheOff)
        return QObject::tr("caching off");
    if (const CacheKey *key = m_document.cacheKey(m_id))
        return QObject::tr("key %1").arg(QString::fromStdString(key->key.substr(0, 8)));
    return {};
}

QString StepItem::toolTipText() const
{
    const StepAnalysis *analysis = m_document.stepAnalysis(m_id);
    const CacheKey *key = m_document.cacheKey(m_id);
    const QString component = analysis && analysis->spec
        ? QString::fromStdString(analysis->spec->name())
        : QString::fromStdString(m_document.step(m_id) ? m_document.step(m_id)->component : "");
    QString tip
        = QStringLiteral("<b>%1</b> — %2").arg(m_id.toHtmlEscaped(), component.toHtmlEscaped());
    if (analysis && analysis->spec)
        tip += QStringLiteral("<br>%1").arg(
            QString::fromStdString(analysis->spec->image()).toHtmlEscaped());
    const auto *scene = qobject_cast<const GraphScene *>(this->scene());
    if (const CacheInspector *inspector = scene ? scene->cacheInspector() : nullptr)
        if (const QString sentence = inspector->sentence(m_id); !sentence.isEmpty())
            tip += QStringLiteral("<br>%1").arg(
                sentence.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (key) {
        // The key and the four things Fondant hashes into it (copied from the step's menu).
        const auto hash
            = [](const std::string &text) { return QString::fromStdString(text.substr(0, 8)); };
        tip += QObject::tr(
            "<br>cache key <tt>%1</tt><br>hashed from: arguments <tt>%2</tt>, "
            "operation spec <tt>%3</tt>, image <tt>%4</tt>, previous key <tt>%5</tt>")
                   .arg(QString::fromStdString(key->key), hash(key->argumentsHash),
                       hash(key->operationSpecHash), hash(key->imageHash),
                       key->inputs.previousKey ? hash(*key->inputs.previousKey)
                                               : QObject::tr("none"));
    }
    if (m_look.cacheOff && analysis)
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
    return StepPainter::height(m_look);
}

QRectF StepItem::bodyRect() const
{
    return QRectF(-portRadius - 2, -2, width + 2 * portRadius + 4, height() + 4);
}

QRectF StepItem::boundingRect() const
{
    return bodyRect() | StepPainter::farNameRect(height());
}

QPainterPath StepItem::shape() const
{
    QPainterPath path;
    path.addRect(bodyRect());
    return path;
}

QPointF StepItem::inputPortPos() const
{
    return mapToScene(StepPainter::inputPort());
}

QPointF StepItem::outputPortPos() const
{
    return mapToScene(StepPainter::outputPort());
}

StepItem::Port StepItem::portAt(QPointF point) const
{
    const auto near = [&](QPointF port) { return QLineF(point, port).length() <= portRadius + 4; };
    if (near(StepPainter::outputPort()))
        return Port::Output;
    if (near(StepPainter::inputPort()))
        return Port::Input;
    return Port::None;
}

void StepItem::setCache(CacheState state, const QString &line)
{
    if (state == m_look.cache && line == m_look.cacheLine)
        return;
    const qreal oldHeight = height();
    m_look.cache = state;
    m_look.cacheLine = line;
    if (height() != oldHeight)
        prepareGeometryChange();
    update();
}

void StepItem::setNews(qreal news)
{
    if (news != m_look.news) {
        m_look.news = news;
        update();
    }
}

void StepItem::setDropHint(int hint)
{
    if (m_look.dropHint != hint) {
        m_look.dropHint = hint;
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
    if (change == ItemSelectedHasChanged)
        m_look.selected = value.toBool();
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
    StepPainter::paint(*painter, m_look, CanvasStyle::of(*this),
        option->levelOfDetailFromTransform(painter->worldTransform()));
}

} // namespace fondant
