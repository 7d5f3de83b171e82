// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/PipelineEditor.h"

#include "core/graph/OperationSpec.h"
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "views/commands/AddStepCommand.h"
#include "views/commands/ChangeStepCommand.h"
#include "views/commands/MoveStepsCommand.h"
#include "views/commands/RemoveStepCommand.h"
#include "views/commands/RenameStepCommand.h"
#include "views/commands/ReorderStepCommand.h"
#include "views/document/PipelineDocument.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace fondant {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PipelineEditor", text);
}

FieldMapping *mappingOf(Step &step, const std::string &section)
{
    std::optional<FieldMapping> &mapping = section == "consumes" ? step.consumes : step.produces;
    return mapping ? &*mapping : nullptr;
}

FieldMappingEntry *findEntry(FieldMapping &mapping, const std::string &name)
{
    auto it = std::find_if(mapping.begin(), mapping.end(),
        [&](const FieldMappingEntry &entry) { return entry.name == name; });
    return it == mapping.end() ? nullptr : &*it;
}

// Renames the argument or consumes/produces entry `key` of section to newKey, where it stands;
// its comments and place in the file go with it. False when it is gone or newKey is taken.
bool renameKey(
    Step &step, const std::string &section, const std::string &key, const std::string &newKey)
{
    if (section == "arguments") {
        if (step.arguments.contains(newKey))
            return false;
        auto &members = step.arguments.members();
        auto it = std::find_if(members.begin(), members.end(),
            [&](const Member &member) { return member.key == key; });
        if (it == members.end())
            return false;
        it->key = newKey;
        it->keyKind = Value::Kind::String;
    } else if (section == "consumes" || section == "produces") {
        FieldMapping *mapping = mappingOf(step, section);
        FieldMappingEntry *entry = mapping ? findEntry(*mapping, key) : nullptr;
        if (!entry || findEntry(*mapping, newKey))
            return false;
        entry->name = newKey;
    } else {
        return false;
    }
    const std::string path = section + "." + key;
    const std::string newPath = section + "." + newKey;
    if (const ElementComments *comments = step.comments.find(path)) {
        step.comments.set(newPath, *comments);
        step.comments.set(path, {});
    }
    step.marks.set(newPath, step.marks.find(path));
    return true;
}

// Sets the step's input, component, a consumes entry (to read a column) or a resource to
// value. False when the key is gone or already holds value.
bool setValue(
    Step &step, const std::string &section, const std::string &key, const std::string &value)
{
    if (section == "input" || section == "component") {
        std::string &text = section == "input" ? step.input : step.component;
        if (text.empty() || text == value)
            return false;
        text = value;
        return true;
    }
    if (section == "consumes") {
        FieldMapping *mapping = mappingOf(step, section);
        FieldMappingEntry *entry = mapping ? findEntry(*mapping, key) : nullptr;
        if (!entry || (entry->isRename() && entry->rename == value))
            return false;
        *entry = FieldMappingEntry {key, std::nullopt, value};
        return true;
    }
    if (section == "resources") {
        const ResourceField *field = findResourceField(key);
        if (!field || !(step.resources.*(field->member))
            || *(step.resources.*(field->member)) == Value(value))
            return false;
        step.resources.*(field->member) = Value(value);
        return true;
    }
    return false;
}
} // namespace

QString PipelineEditor::addComponent(
    const QString &reference, QPointF position, const QString &input)
{
    auto spec = m_document.resolver().resolve(reference.toStdString());
    QString base = reference.section(QLatin1Char('/'), -1);
    if (spec.ok())
        base = QString::fromStdString(spec.value()->safeName());
    Step step;
    step.id = m_document.uniqueId(base).toStdString();
    step.component = reference.toStdString();
    int index = static_cast<int>(m_document.pipeline().steps.size());
    if (m_document.step(input)) {
        step.input = input.toStdString();
        // Right after the input's branch, so that the call order stays readable.
        index = 0;
        for (const QString &id : descendants(input))
            index = std::max(index, m_document.indexOf(id) + 1);
    }
    m_document.undoStack()->push(new AddStepCommand(m_document, step, index, position));
    return QString::fromStdString(step.id);
}

QString PipelineEditor::insertComponent(
    const QString &reference, const QString &target, QPointF position)
{
    const Step *reader = m_document.step(target);
    if (!reader || reader->input.empty())
        return {};
    const QString source = QString::fromStdString(reader->input);
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(
        tr("Insert %1 before %2").arg(reference.section(QLatin1Char('/'), -1), target));
    const QString id = addComponent(reference, position, source);
    connectSteps(id, target);
    stack->endMacro();
    return id;
}

QStringList PipelineEditor::descendants(const QString &id) const
{
    const int index = m_document.indexOf(id);
    if (index < 0)
        return {};
    QStringList result;
    for (int step : m_document.analysis().graph.descendants(index))
        result << QString::fromStdString(
            m_document.pipeline().steps[static_cast<std::size_t>(step)].id);
    return result;
}

bool PipelineEditor::removeSteps(const QStringList &ids)
{
    QStringList existing;
    for (const QString &id : ids)
        if (m_document.step(id) && !existing.contains(id))
            existing << id;
    if (existing.isEmpty())
        return false;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(existing.size() == 1 ? tr("Remove step %1").arg(existing.first())
                                           : tr("Remove %1 steps").arg(existing.size()));
    for (const QString &id : existing) {
        for (const QString &child : m_document.children(id)) {
            if (existing.contains(child))
                continue;
            Step after = *m_document.step(child);
            after.input.clear();
            stack->push(new ChangeStepCommand(
                m_document, *m_document.step(child), after, QStringLiteral("input")));
        }
    }
    for (const QString &id : existing)
        stack->push(new RemoveStepCommand(m_document, id));
    stack->endMacro();
    return true;
}

bool PipelineEditor::canConnect(const QString &source, const QString &target, QString *why) const
{
    const auto refuse = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!m_document.step(source) || !m_document.step(target))
        return refuse(tr("unknown step"));
    if (source == target)
        return refuse(tr("a step cannot read its own output"));
    // Walks up from the source: linear in the depth, not in the size of the pipeline.
    if (m_document.analysis().graph.descendsFrom(
            m_document.indexOf(source), m_document.indexOf(target)))
        return refuse(
            tr("%1 already reads from %2: the link would make a cycle").arg(source, target));
    return true;
}

QStringList PipelineEditor::possibleInputs(const QString &target) const
{
    const int index = m_document.indexOf(target);
    if (index < 0)
        return {};
    const QStringList ids = m_document.stepIds();
    std::vector<bool> excluded(static_cast<std::size_t>(ids.size()), false);
    excluded[static_cast<std::size_t>(index)] = true;
    for (int descendant : m_document.analysis().graph.descendants(index))
        excluded[static_cast<std::size_t>(descendant)] = true;
    QStringList inputs;
    for (qsizetype i = 0; i < ids.size(); ++i)
        if (!excluded[static_cast<std::size_t>(i)])
            inputs << ids[i];
    return inputs;
}

QString PipelineEditor::linkFieldProblem(const QString &source, const QString &target) const
{
    const StepAnalysis *from = m_document.stepAnalysis(source);
    const StepAnalysis *to = m_document.stepAnalysis(target);
    if (!from || !to || !to->spec)
        return {};
    const Step &step = *m_document.step(target);
    // The fields the target would read, worked out against the source's output.
    Result<OperationSpec> operation
        = OperationSpec::build(to->spec, step.consumes, step.produces, &from->outputFields);
    if (!operation.ok())
        return QString::fromStdString(operation.errorMessage());
    QStringList problems;
    for (const Field &field : operation.value().datasetConsumes()) {
        const DatasetFields::Entry *offered = from->outputFields.find(field.name);
        if (!offered)
            problems << tr("'%1' is missing").arg(QString::fromStdString(field.name));
        else if (!(offered->field.type == field.type))
            problems << tr("'%1' is %2, not %3")
                            .arg(QString::fromStdString(field.name),
                                QString::fromStdString(offered->field.type.displayName()),
                                QString::fromStdString(field.type.displayName()));
    }
    return problems.join(QStringLiteral("; "));
}

bool PipelineEditor::connectSteps(const QString &source, const QString &target)
{
    if (!canConnect(source, target))
        return false;
    const Step &current = *m_document.step(target);
    if (current.input == source.toStdString())
        return false;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(tr("Connect %1 to %2").arg(source, target));
    Step after = current;
    after.input = source.toStdString();
    stack->push(new ChangeStepCommand(m_document, current, after, QStringLiteral("input")));
    // A step follows the step it reads in the call order: move the target's branch after it.
    if (m_document.indexOf(target) < m_document.indexOf(source)) {
        for (const QString &id : descendants(target))
            stack->push(new ReorderStepCommand(
                m_document, id, static_cast<int>(m_document.pipeline().steps.size())));
    }
    stack->endMacro();
    return true;
}

bool PipelineEditor::disconnect(const QString &target)
{
    const Step *current = m_document.step(target);
    if (!current || current->input.empty())
        return false;
    Step after = *current;
    after.input.clear();
    auto *command = new ChangeStepCommand(m_document, *current, after, QStringLiteral("input"));
    command->setText(tr("Disconnect %1").arg(target));
    m_document.undoStack()->push(command);
    return true;
}

bool PipelineEditor::removeLinks(const QStringList &targets)
{
    if (targets.isEmpty())
        return false;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(targets.size() == 1 ? tr("Disconnect %1").arg(targets.first())
                                          : tr("Delete %1 links").arg(targets.size()));
    bool changed = false;
    for (const QString &target : targets)
        changed = disconnect(target) || changed;
    stack->endMacro();
    return changed;
}

bool PipelineEditor::renameStep(const QString &id, const QString &newId, QString *why)
{
    static const QRegularExpression safeId(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    if (id == newId)
        return false;
    if (!safeId.match(newId).hasMatch()) {
        if (why)
            *why
                = tr("use letters, digits, '_', '-' and '.', starting with a letter, digit or '_'");
        return false;
    }
    if (m_document.step(newId)) {
        if (why)
            *why = tr("another step is already called %1").arg(newId);
        return false;
    }
    m_document.undoStack()->push(new RenameStepCommand(m_document, id, newId));
    return true;
}

bool PipelineEditor::changeStep(
    const QString &id, const QString &field, const std::function<void(Step &)> &change)
{
    const Step *current = m_document.step(id);
    if (!current)
        return false;
    Step after = *current;
    change(after);
    m_document.undoStack()->push(new ChangeStepCommand(m_document, *current, after, field));
    return true;
}

bool PipelineEditor::moveSteps(
    const QHash<QString, QPointF> &from, const QHash<QString, QPointF> &to)
{
    MoveStepsCommand::Positions before;
    MoveStepsCommand::Positions after;
    for (auto it = to.begin(); it != to.end(); ++it) {
        if (!m_document.step(it.key()) || from.value(it.key()) == it.value())
            continue;
        before.insert(it.key(), from.value(it.key()));
        after.insert(it.key(), it.value());
    }
    if (after.isEmpty())
        return false;
    const QString text = after.size() == 1 ? tr("Move %1").arg(after.begin().key())
                                           : tr("Move %1 steps").arg(after.size());
    m_document.undoStack()->push(new MoveStepsCommand(m_document, before, after, text));
    return true;
}

QString PipelineEditor::fixText(const Fix &fix)
{
    return tr("Use '%1'").arg(QString::fromStdString(fix.replacement));
}

bool PipelineEditor::applyFix(const Diagnostic &problem)
{
    const Step *current = m_document.step(QString::fromStdString(problem.stepId));
    if (!problem.fix || !current)
        return false;
    const std::string &path = problem.fieldPath;
    const std::size_t dot = path.find('.');
    const std::string section = path.substr(0, dot);
    const std::string key = dot == std::string::npos ? std::string() : path.substr(dot + 1);
    Step after = *current;
    const bool changed = problem.fix->part == Fix::Part::KeyName
        ? renameKey(after, section, key, problem.fix->replacement)
        : setValue(after, section, key, problem.fix->replacement);
    if (!changed)
        return false;
    // A macro, so that the next edit of the same field is not merged into the fix.
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(fixText(*problem.fix));
    stack->push(
        new ChangeStepCommand(m_document, *current, after, QString::fromStdString(section)));
    stack->endMacro();
    return true;
}

QString PipelineEditor::copySteps(const QStringList &ids) const
{
    Pipeline copy;
    copy.name = m_document.pipeline().name;
    for (const Step &step : m_document.pipeline().steps) {
        if (!ids.contains(QString::fromStdString(step.id)))
            continue;
        copy.steps.push_back(step);
        const QPointF point = m_document.position(QString::fromStdString(step.id));
        copy.positions[step.id] = Point {point.x(), point.y()};
    }
    return QString::fromStdString(PipelineWriter::toYaml(copy));
}

QStringList PipelineEditor::pasteSteps(const QString &text, QPointF offset)
{
    return pasteSteps(text, [offset](const QList<QPointF> &) { return offset; });
}

QStringList PipelineEditor::pasteSteps(
    const QString &text, const std::function<QPointF(const QList<QPointF> &)> &offsetFor)
{
    Result<Pipeline> copied = PipelineReader::parse(text.toStdString(), "clipboard");
    if (!copied.ok() || copied.value().steps.empty())
        return {};
    // Where each copy was; copies without a place go in a row after the last one placed.
    constexpr qreal rowStep = 300;
    QList<QPointF> places;
    for (const Step &step : copied.value().steps) {
        auto it = copied.value().positions.find(step.id);
        places << (it != copied.value().positions.end() ? QPointF(it->second.x, it->second.y)
                : places.isEmpty()                      ? QPointF()
                                                        : places.last() + QPointF(rowStep, 0));
    }
    const QPointF offset = offsetFor(places);
    QHash<QString, QString> newIds;
    QStringList added;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(tr("Paste %1 steps").arg(copied.value().steps.size()));
    qsizetype next = 0;
    for (Step step : copied.value().steps) {
        const QString oldId = QString::fromStdString(step.id);
        const QString newId = m_document.uniqueId(oldId);
        newIds.insert(oldId, newId);
        step.id = newId.toStdString();
        const QString input = QString::fromStdString(step.input);
        step.input = newIds.contains(input) ? newIds.value(input).toStdString() : std::string();
        step.marks.clear();
        stack->push(new AddStepCommand(m_document, step,
            static_cast<int>(m_document.pipeline().steps.size()), places.at(next++) + offset));
        added << newId;
    }
    stack->endMacro();
    return added;
}

} // namespace fondant
