// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/PropertiesDock.h"

#include "core/validate/PipelineValidator.h"
#include "core/value/PyJson.h"
#include "core/yaml/ScalarResolver.h"
#include "views/commands/ChangePipelineCommand.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/PipelineDocument.h"
#include "views/panels/ArgumentEditor.h"
#include "views/panels/FieldMappingEditor.h"
#include "views/panels/NoteLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace fondant {

namespace {

QString qt(const std::string &text)
{
    return QString::fromStdString(text);
}

// A resource value as text in an editor: text as is, numbers as Python writes them.
QString resourceText(const std::optional<Value> &value)
{
    if (!value || value->isNull())
        return {};
    return value->isString() ? qt(value->toString())
                             : qt(PyJson::dumps(*value, PyJson::KeyOrder::Insertion));
}

// What an edited resource text becomes: nothing when empty; a number when the value it
// replaces was one and the text still reads as a number (the key hashes the type); else text.
std::optional<Value> resourceValue(const QString &text, const std::optional<Value> &previous)
{
    if (text.isEmpty())
        return std::nullopt;
    const std::string utf8 = text.toStdString();
    if (previous && previous->isNumber()) {
        Result<Value> number = ScalarResolver::resolvePlain(utf8, ScalarRules::Yaml12Core);
        if (number.ok() && number.value().isNumber())
            return number.value();
    }
    return Value(utf8);
}

QString fieldList(const FieldList &fields)
{
    QStringList parts;
    for (const Field &field : fields)
        parts << QStringLiteral("%1: %2").arg(qt(field.name), qt(field.type.displayName()));
    return parts.isEmpty() ? QObject::tr("(none)") : parts.join(QStringLiteral(", "));
}

// The first fields of a dataset and how many more there are: a long chain passes on thousands.
QString fieldList(const DatasetFields &fields)
{
    constexpr std::size_t shown = 50;
    FieldList first;
    for (const DatasetFields::Entry *entry : fields.entries(shown))
        first.push_back(entry->field);
    QString text = fieldList(first);
    if (fields.size() > shown)
        text += QObject::tr(" and %1 more").arg(fields.size() - shown);
    return text;
}

NoteLabel *noteLabel(const QString &text = {})
{
    return new NoteLabel(text);
}

NoteLabel *problemLabel()
{
    auto *label = new NoteLabel;
    label->setTone(NoteLabel::Tone::Problem);
    label->hide();
    return label;
}

// Rich text that wraps to the panel's width instead of widening it, keeping room for every
// line at the width it gets (as NoteLabel does for plain text; see showInfo for new texts).
class RichLabel : public QLabel
{
public:
    RichLabel()
    {
        setWordWrap(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        QSizePolicy policy = sizePolicy();
        policy.setHorizontalPolicy(QSizePolicy::Ignored);
        setSizePolicy(policy);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        setMinimumHeight(std::max(0, heightForWidth(width())));
    }
};

// A combo box that shrinks to the panel's width whatever its items.
void letShrink(QComboBox *combo)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
}

// Guards a flag for the time of an edit.
class Flag
{
public:
    explicit Flag(bool &flag) : m_flag(flag) { m_flag = true; }
    ~Flag() { m_flag = false; }
    Flag(const Flag &) = delete;
    Flag &operator=(const Flag &) = delete;

private:
    bool &m_flag;
};

} // namespace

PropertiesDock::PropertiesDock(PipelineDocument &document, QWidget *parent)
    : QDockWidget(tr("Properties"), parent), m_document(document), m_scroll(new QScrollArea)
{
    setObjectName(QStringLiteral("PropertiesDock"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    setWidget(m_scroll);
    const auto rebuildUnlessOwn = [this] {
        if (!m_updating)
            rebuild();
        else
            refreshValues();
    };
    connect(&document, &PipelineDocument::documentReset, this, [this] {
        m_stepId.clear();
        rebuild();
    });
    connect(&document, &PipelineDocument::stepChanged, this,
        [this, rebuildUnlessOwn](const QString &id) {
            if (id != m_stepId)
                return;
            if (m_updating || !takeNewArgumentValues())
                rebuildUnlessOwn();
        });
    connect(&document, &PipelineDocument::stepRenamed, this,
        [this](const QString &oldId, const QString &newId) {
            if (oldId == m_stepId) {
                m_stepId = newId;
                if (!m_updating)
                    rebuild();
            }
        });
    connect(&document, &PipelineDocument::stepRemoved, this, [this](const QString &id) {
        if (id == m_stepId)
            showStep({});
    });
    connect(
        &document, &PipelineDocument::pipelinePropertiesChanged, this, [this, rebuildUnlessOwn] {
            if (m_stepId.isEmpty())
                rebuildUnlessOwn();
        });
    connect(&document, &PipelineDocument::analysisChanged, this, &PropertiesDock::refreshValues);
    connect(&document, &PipelineDocument::stepsAnalysed, this, &PropertiesDock::refreshValues);
    connect(&document, &PipelineDocument::keysChanged, this, [this](const QStringList &ids) {
        if (ids.contains(m_stepId))
            refreshValues();
    });
    rebuild();
}

void PropertiesDock::showStep(const QString &id)
{
    if (id == m_stepId && m_scroll->widget())
        return;
    m_stepId = m_document.step(id) ? id : QString();
    rebuild();
}

void PropertiesDock::registerField(const QString &path, QWidget *widget)
{
    widget->setObjectName(path);
    m_fields.insert(path, widget);
}

QWidget *PropertiesDock::fieldWidget(const QString &fieldPath) const
{
    // Mapping rows come and go with edits: their editor knows them.
    const QString section = fieldPath.section(QLatin1Char('.'), 0, 0);
    if (FieldMappingEditor *mapping = m_mappingEditors.value(section);
        mapping && section != fieldPath)
        return mapping->rowWidget(fieldPath.section(QLatin1Char('.'), 1));
    return m_fields.value(fieldPath);
}

bool PropertiesDock::focusField(const QString &fieldPath)
{
    QString path = fieldPath;
    while (!path.isEmpty()) {
        if (QWidget *widget = fieldWidget(path)) {
            raise();
            m_scroll->ensureWidgetVisible(widget);
            widget->setFocus(Qt::OtherFocusReason);
            return true;
        }
        path = path.contains(QLatin1Char('.')) ? path.section(QLatin1Char('.'), 0, -2) : QString();
    }
    return false;
}

void PropertiesDock::addSection(QFormLayout *form, const QString &title)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    label->setContentsMargins(0, form->rowCount() ? 10 : 0, 0, 2);
    form->addRow(label);
}

// After an edit made elsewhere (undo, redo): when only argument values changed, the editors
// take them in place, which keeps undo quick and the panel where it was; else the form is built
// again.
bool PropertiesDock::takeNewArgumentValues()
{
    const Step *step = m_document.step(m_stepId);
    if (!step || !m_shownStep)
        return false;
    const Step &before = *m_shownStep;
    const bool onlyArguments = step->id == before.id && step->component == before.component
        && step->input == before.input && step->consumes == before.consumes
        && step->produces == before.produces
        && step->inputPartitionRows == before.inputPartitionRows && step->cache == before.cache
        && step->resources == before.resources;
    // Arguments the component does not take are listed apart: their set must stay the same.
    const auto others = [this](const Step &s) {
        std::vector<std::string> keys;
        for (const Member &member : s.arguments.members())
            if (!m_argumentEditors.contains(qt(member.key)))
                keys.push_back(member.key);
        return keys;
    };
    if (!onlyArguments || others(*step) != others(before))
        return false;
    for (auto it = m_argumentEditors.cbegin(); it != m_argumentEditors.cend(); ++it)
        it.value()->setValue(step->arguments.find(it.key().toStdString()));
    m_shownStep = *step;
    refreshValues();
    return true;
}

void PropertiesDock::rebuild()
{
    const int scroll = m_scroll->verticalScrollBar()->value();
    m_fields.clear();
    m_argumentEditors.clear();
    m_mappingEditors.clear();
    const Step *shown = m_document.step(m_stepId);
    m_shownStep = shown ? std::optional<Step>(*shown) : std::nullopt;
    auto *content = new QWidget;
    auto *form = new QFormLayout(content);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    if (m_stepId.isEmpty())
        buildPipelineForm(form);
    else
        buildStepForm(form);
    m_scroll->setWidget(content);
    m_scroll->verticalScrollBar()->setValue(scroll);
    refreshValues();
}

void PropertiesDock::buildPipelineForm(QFormLayout *form)
{
    setWindowTitle(tr("Properties — pipeline"));
    const Pipeline &pipeline = m_document.pipeline();
    addSection(form, tr("Pipeline"));
    const auto addLine = [&](const QString &label, const QString &path, const std::string &value,
                             auto apply) {
        auto *line = new QLineEdit(qt(value));
        registerField(path, line);
        connect(line, &QLineEdit::textEdited, this, [this, path, apply](const QString &text) {
            Pipeline changed = m_document.pipeline();
            apply(changed, text);
            Flag editing(m_updating);
            m_document.undoStack()->push(new ChangePipelineCommand(m_document, changed, path));
        });
        form->addRow(label, line);
        return line;
    };
    QLineEdit *name = addLine(tr("Dataset name"), QStringLiteral("name"), pipeline.name,
        [](Pipeline &p, const QString &text) { p.name = text.toStdString(); });
    name->setToolTip(tr("Names the storage folder and the cache of the run: lowercase letters, "
                        "digits, '-' and '_'"));
    addLine(tr("Description"), QStringLiteral("description"), pipeline.description,
        [](Pipeline &p, const QString &text) { p.description = text.toStdString(); });
    addLine(tr("Working directory"), QStringLiteral("working_directory"), pipeline.workingDirectory,
        [](Pipeline &p, const QString &text) { p.workingDirectory = text.toStdString(); })
        ->setPlaceholderText(tr("e.g. ./fondant-wd or gs://bucket/wd"));
    std::string dirs;
    for (const std::string &dir : pipeline.componentDirs)
        dirs += (dirs.empty() ? "" : "; ") + dir;
    addLine(tr("Component folders"), QStringLiteral("component_dirs"), dirs,
        [](Pipeline &p, const QString &text) {
            p.componentDirs.clear();
            for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                if (!part.trimmed().isEmpty())
                    p.componentDirs.push_back(part.trimmed().toStdString());
        })
        ->setPlaceholderText(tr("folders separated by ';', relative to the file"));
    m_info = new RichLabel;
    form->addRow(m_info);
}

void PropertiesDock::buildStepForm(QFormLayout *form)
{
    const Step &step = *m_document.step(m_stepId);
    const StepAnalysis *analysis = m_document.stepAnalysis(m_stepId);
    const ComponentSpec *spec = analysis && analysis->spec ? analysis->spec.get() : nullptr;
    setWindowTitle(tr("Properties — %1").arg(m_stepId));
    const QString id = m_stepId;

    addSection(form, tr("Step"));
    auto *idLine = new QLineEdit(m_stepId);
    registerField(QStringLiteral("id"), idLine);
    auto *idProblem = problemLabel();
    connect(idLine, &QLineEdit::editingFinished, this, [this, idLine, idProblem] {
        QString why;
        const QString newId = idLine->text().trimmed();
        if (newId == m_stepId)
            return;
        if (!PipelineEditor(m_document).renameStep(m_stepId, newId, &why)) {
            idProblem->setText(tr("Cannot rename: %1").arg(why));
            idProblem->show();
            idLine->setText(m_stepId);
        }
    });
    form->addRow(tr("Id"), idLine);
    form->addRow(QString(), idProblem);

    auto *component = new QWidget;
    auto *componentLines = new QVBoxLayout(component);
    componentLines->setContentsMargins(0, 0, 0, 0);
    componentLines->setSpacing(0);
    auto *componentName
        = new NoteLabel(spec ? tr("%1 (%2)").arg(qt(spec->name()), qt(step.component))
                             : tr("%1 — cannot be loaded").arg(qt(step.component)));
    componentName->setTone(NoteLabel::Tone::Normal);
    componentName->setMaximumLines(2);
    componentLines->addWidget(componentName);
    if (spec) {
        auto *image = noteLabel(qt(spec->image()));
        image->setMaximumLines(2);
        componentLines->addWidget(image);
        auto *description = noteLabel(qt(spec->description()));
        description->setMaximumLines(3);
        componentLines->addWidget(description);
    }
    registerField(QStringLiteral("component"), component);
    form->addRow(tr("Component"), component);

    auto *input = new QComboBox;
    letShrink(input);
    registerField(QStringLiteral("input"), input);
    input->addItem(tr("(none: starts the dataset)"));
    input->addItems(PipelineEditor(m_document).possibleInputs(id));
    const int current = step.input.empty() ? -1 : input->findText(qt(step.input), Qt::MatchExactly);
    input->setCurrentIndex(std::max(0, current));
    connect(input, &QComboBox::activated, this, [this, input, id](int index) {
        const QString source = index == 0 ? QString() : input->itemText(index);
        PipelineEditor editor(m_document);
        if (source.isEmpty())
            editor.disconnect(id);
        else
            editor.connectSteps(source, id);
    });
    form->addRow(tr("Input"), input);

    const StepChange pushChange
        = [this, id](const QString &field, const std::function<void(Step &)> &change) {
              Flag editing(m_updating);
              PipelineEditor(m_document).changeStep(id, field, change);
          };

    addSection(form, tr("Arguments"));
    if (!spec) {
        form->addRow(noteLabel(tr("Load the component to edit its arguments.")));
    } else if (spec->arguments().empty()) {
        form->addRow(noteLabel(tr("This component takes no arguments.")));
    }
    if (spec) {
        for (const ArgumentSpec &argument : spec->arguments()) {
            const QString name = qt(argument.name);
            auto *editor = new ArgumentEditor(argument);
            const QString path = QStringLiteral("arguments.") + name;
            registerField(path, editor);
            m_argumentEditors.insert(name, editor);
            editor->setValue(step.arguments.find(argument.name));
            connect(editor, &ArgumentEditor::valueEdited, this,
                [pushChange, path, argument](const Value &value) {
                    pushChange(path, [&](Step &s) { s.arguments.set(argument.name, value); });
                });
            connect(editor, &ArgumentEditor::resetRequested, this, [pushChange, path, argument] {
                pushChange(path, [&](Step &s) { s.arguments.remove(argument.name); });
            });
            form->addRow(editor);
        }
        for (const Member &member : step.arguments.members()) {
            if (spec->argument(member.key))
                continue;
            const std::string key = member.key;
            auto *unknown = new QWidget;
            auto *row = new QHBoxLayout(unknown);
            row->setContentsMargins(0, 0, 0, 0);
            auto *text = problemLabel();
            text->setText(tr("%1 = %2 is not an argument of this component")
                              .arg(qt(key), qt(member.value.describe())));
            text->setMaximumLines(3);
            text->show();
            row->addWidget(text, 1);
            auto *remove = new QToolButton;
            remove->setText(tr("Remove"));
            remove->setAutoRaise(true);
            connect(remove, &QToolButton::clicked, this, [pushChange, key] {
                pushChange(qt("arguments." + key), [&](Step &s) { s.arguments.remove(key); });
            });
            row->addWidget(remove, 0, Qt::AlignTop);
            unknown->setFocusProxy(remove);
            registerField(qt("arguments." + key), unknown);
            form->addRow(unknown);
        }
    }

    addSection(form, tr("Consumes"));
    addMappingEditor(form, FieldMappingEditor::Section::Consumes, pushChange);
    addSection(form, tr("Produces"));
    addMappingEditor(form, FieldMappingEditor::Section::Produces, pushChange);
    m_info = new RichLabel;
    form->addRow(m_info);

    addSection(form, tr("Execution"));
    auto *cache = new QCheckBox(tr("Reuse earlier results"));
    cache->setToolTip(tr("Fondant's cache: a step whose key is unchanged is not run again"));
    cache->setChecked(step.cache.value_or(false));
    registerField(QStringLiteral("cache"), cache);
    connect(cache, &QCheckBox::toggled, this, [pushChange](bool on) {
        pushChange(QStringLiteral("cache"), [&](Step &s) { s.cache = on; });
    });
    form->addRow(tr("Cache"), cache);
    if (spec && spec->hasLatestTag())
        form->addRow(
            noteLabel(tr("The image is tagged 'latest', so Fondant never caches this step.")));
    auto *rows = new QSpinBox;
    rows->setRange(0, std::numeric_limits<int>::max());
    rows->setSpecialValueText(tr("automatic"));
    rows->setValue(step.inputPartitionRows && step.inputPartitionRows->isInt()
            ? static_cast<int>(std::min<std::int64_t>(
                step.inputPartitionRows->toSaturatedInt(), std::numeric_limits<int>::max()))
            : 0);
    registerField(QStringLiteral("input_partition_rows"), rows);
    connect(rows, &QSpinBox::valueChanged, this, [pushChange](int value) {
        pushChange(QStringLiteral("input_partition_rows"), [&](Step &s) {
            s.inputPartitionRows = value > 0 ? std::optional<Value>(Value(value)) : std::nullopt;
        });
    });
    form->addRow(tr("Rows per partition"), rows);

    addSection(form, tr("Resources"));
    for (const ResourceField &field : resourceFields())
        addResourceEditor(form, field, step.resources.*(field.member), pushChange);
}

void PropertiesDock::addMappingEditor(
    QFormLayout *form, FieldMappingEditor::Section section, const StepChange &pushChange)
{
    auto *editor = new FieldMappingEditor(section);
    const QString key = editor->sectionKey();
    registerField(key, editor);
    m_mappingEditors.insert(key, editor);
    connect(editor, &FieldMappingEditor::mappingEdited, this,
        [pushChange, key, section](
            const std::optional<FieldMapping> &mapping, const QString &field) {
            pushChange(field.isEmpty() ? key : key + QLatin1Char('.') + field, [&](Step &s) {
                (section == FieldMappingEditor::Section::Consumes ? s.consumes : s.produces)
                    = mapping;
            });
        });
    form->addRow(editor);
}

// The mapping editors show the fields the analysis knows now: an edit of an earlier step
// changes what is available here.
void PropertiesDock::refreshMappingEditors()
{
    const Step *step = m_document.step(m_stepId);
    if (!step)
        return;
    const StepAnalysis *analysis = m_document.stepAnalysis(m_stepId);
    const ComponentSpec *spec = analysis && analysis->spec ? analysis->spec.get() : nullptr;
    for (FieldMappingEditor *editor : std::as_const(m_mappingEditors)) {
        const bool consumes = editor->sectionKey() == QLatin1String("consumes");
        FieldMappingEditor::State state;
        state.mapping = consumes ? step->consumes : step->produces;
        if (spec)
            state.specFields = consumes ? &spec->consumes() : &spec->produces();
        if (analysis && analysis->parent >= 0)
            state.available = &analysis->inputFields;
        if (analysis && analysis->operation)
            state.operation = &*analysis->operation;
        editor->setState(state);
    }
}

void PropertiesDock::addResourceEditor(QFormLayout *form, const ResourceField &field,
    const std::optional<Value> &value, const StepChange &pushChange)
{
    const QString path = QStringLiteral("resources.") + QLatin1String(field.key);
    const auto member = field.member;
    QWidget *editor = nullptr;
    if (field.kind == ResourceField::Kind::Count) {
        auto *count = new QSpinBox;
        count->setRange(0, 64);
        count->setSpecialValueText(tr("none"));
        const bool small = value && value->isInt() && !value->isBigInt();
        count->setValue(
            small ? static_cast<int>(std::clamp<std::int64_t>(value->toInt(), 0, 64)) : 0);
        connect(count, &QSpinBox::valueChanged, this, [pushChange, path, member](int number) {
            pushChange(path, [&](Step &s) {
                s.resources.*member
                    = number > 0 ? std::optional<Value>(Value(number)) : std::nullopt;
            });
        });
        editor = count;
    } else if (field.kind == ResourceField::Kind::Accelerator) {
        auto *names = new QComboBox;
        names->setEditable(true);
        letShrink(names);
        names->addItem(QString());
        for (const std::string &name : PipelineValidator::acceleratorNames())
            names->addItem(qt(name));
        for (const std::string &name : PipelineValidator::vertexAcceleratorNames())
            names->addItem(qt(name));
        names->setCurrentText(resourceText(value));
        connect(names, &QComboBox::currentTextChanged, this,
            [pushChange, path, member](const QString &text) {
                pushChange(path, [&](Step &s) {
                    s.resources.*member = resourceValue(text, s.resources.*member);
                });
            });
        editor = names;
    } else {
        auto *line = new QLineEdit(resourceText(value));
        connect(
            line, &QLineEdit::textEdited, this, [pushChange, path, member](const QString &text) {
                pushChange(path, [&](Step &s) {
                    s.resources.*member = resourceValue(text, s.resources.*member);
                });
            });
        editor = line;
    }
    registerField(path, editor);
    form->addRow(tr(field.label), editor);
}

void PropertiesDock::refreshValues()
{
    if (!m_info)
        return;
    if (m_stepId.isEmpty()) {
        const auto errors = std::count_if(m_document.analysis().diagnostics.begin(),
            m_document.analysis().diagnostics.end(),
            [](const Diagnostic &d) { return d.isError(); });
        const std::size_t steps = m_document.pipeline().steps.size();
        showInfo((steps == 1 ? tr("1 step") : tr("%1 steps").arg(steps))
            + (errors == 1 ? tr(", 1 error") : tr(", %1 errors").arg(errors))
            + tr(". Select a step on the canvas to edit it."));
        return;
    }
    refreshMappingEditors();
    const StepAnalysis *analysis = m_document.stepAnalysis(m_stepId);
    const CacheKey *key = m_document.cacheKey(m_stepId);
    QString text;
    if (analysis) {
        text += tr("<b>Available</b>: %1").arg(fieldList(analysis->inputFields).toHtmlEscaped());
        if (analysis->operation) {
            text += tr("<br><b>Reads</b>: %1")
                        .arg(fieldList(analysis->operation->datasetConsumes()).toHtmlEscaped());
            text += tr("<br><b>Writes</b>: %1")
                        .arg(fieldList(analysis->operation->datasetProduces()).toHtmlEscaped());
        }
        text
            += tr("<br><b>Caching</b>: %1")
                   .arg(analysis->cacheEnabled
                           ? tr("on")
                           : tr("off — %1").arg(qt(analysis->cacheDisabledReason).toHtmlEscaped()));
    }
    text += key ? tr("<br><b>Cache key</b>: <tt>%1</tt>").arg(qt(key->key))
                : tr("<br><b>Cache key</b>: unknown until the problems before this step are fixed");
    showInfo(text);
}

void PropertiesDock::showInfo(const QString &text)
{
    m_info->setText(text);
    m_info->setMinimumHeight(std::max(0, m_info->heightForWidth(m_info->width())));
}

} // namespace fondant
