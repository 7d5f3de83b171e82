// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/FieldMappingEditor.h"

#include "core/graph/OperationSpec.h"
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/value/PyJson.h"
#include "views/panels/NoteLabel.h"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fondant {

namespace {

constexpr std::size_t listedColumns = 500; ///< upstream fields offered in one list

QString qt(const std::string &text)
{
    return QString::fromStdString(text);
}

// A type as a user types it: its name, or its mapping in flow style.
QString typeText(const FieldType &type)
{
    const Value &value = type.toValue();
    if (value.isObject() && value.size() == 1 && value.find("type"))
        return qt(value.find("type")->toString());
    return qt(PyJson::dumps(value, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep));
}

// Lists fields by name, with their type after it ("text  (string)").
class TypedFieldDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString type = index.data(Qt::UserRole).toString();
        if (!type.isEmpty())
            option->text += QStringLiteral("  (%1)").arg(type);
    }
};

QComboBox *narrowComboBox()
{
    auto *combo = new QComboBox;
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    combo->setItemDelegate(new TypedFieldDelegate(combo));
    return combo;
}

} // namespace

FieldMappingEditor::FieldMappingEditor(Section section, QWidget *parent)
    : QWidget(parent), m_section(section), m_summary(new NoteLabel), m_addRow(new QWidget),
      m_newName(narrowComboBox()), m_newType(narrowComboBox()), m_problem(new NoteLabel),
      m_yamlToggle(new QToolButton), m_yaml(new QPlainTextEdit)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    column->addWidget(m_summary);

    auto *add = new QHBoxLayout(m_addRow);
    add->setContentsMargins(0, 0, 0, 0);
    m_newName->lineEdit()->setPlaceholderText(tr("new field"));
    m_newName->setObjectName(sectionKey() + QStringLiteral(".new"));
    for (const std::string &name : FieldType::runtimeTypeNames())
        m_newType->addItem(qt(name));
    m_newType->setEditText(QStringLiteral("string"));
    m_newType->setToolTip(tr("A type name, or a mapping such as {type: array, items: {type: "
                             "float32}}"));
    auto *addButton = new QToolButton;
    addButton->setText(tr("Add"));
    addButton->setToolTip(tr("Add the field with its type to the mapping"));
    add->addWidget(m_newName, 3);
    add->addWidget(m_newType, 2);
    add->addWidget(addButton);
    connect(m_newName, &QComboBox::activated, this, [this](int index) {
        m_newName->setEditText(m_newName->itemText(index));
        m_newType->setEditText(m_newName->itemData(index, Qt::UserRole + 1).toString());
    });
    connect(addButton, &QToolButton::clicked, this, &FieldMappingEditor::addField);
    column->addWidget(m_addRow);
    m_problem->setTone(NoteLabel::Tone::Problem);
    m_problem->hide();
    column->addWidget(m_problem);

    m_yamlToggle->setText(tr("Edit as YAML (advanced)"));
    m_yamlToggle->setCheckable(true);
    m_yamlToggle->setAutoRaise(true);
    m_yamlToggle->setToolTip(tr("The whole %1 mapping as text, one 'field: type' or "
                                "'field: column' per line")
                                 .arg(sectionKey()));
    column->addWidget(m_yamlToggle);
    m_yaml->setTabChangesFocus(true);
    m_yaml->setFixedHeight(m_yaml->fontMetrics().lineSpacing() * 3 + 12);
    m_yaml->setPlaceholderText(tr("one per line: field: type (e.g. text: string) or "
                                  "field: column_name"));
    m_yaml->setObjectName(sectionKey());
    m_yaml->hide();
    connect(m_yamlToggle, &QToolButton::toggled, m_yaml, &QWidget::setVisible);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, &FieldMappingEditor::takeYaml);
    column->addWidget(m_yaml);
}

QString FieldMappingEditor::sectionKey() const
{
    return m_section == Section::Consumes ? QStringLiteral("consumes") : QStringLiteral("produces");
}

void FieldMappingEditor::setState(const State &state)
{
    m_mapping = state.mapping;
    m_specFields = state.specFields ? std::optional<FieldSection>(*state.specFields) : std::nullopt;
    m_available = state.available ? std::optional<DatasetFields>(*state.available) : std::nullopt;
    m_operationKnown = state.operation != nullptr;
    m_operationFields.clear();
    if (state.operation)
        m_operationFields = m_section == Section::Consumes ? state.operation->operationConsumes()
                                                           : state.operation->operationProduces();
    if (!m_yaml->hasFocus()) {
        const QSignalBlocker quiet(m_yaml);
        m_yaml->setPlainText(
            m_mapping ? qt(PipelineWriter::fieldMappingText(*m_mapping)) : QString());
    }
    const QString shown = signature();
    if (shown == m_shownSignature)
        return;
    m_shownSignature = shown;
    rebuildRows();
}

QWidget *FieldMappingEditor::rowWidget(const QString &field) const
{
    return m_rowWidgets.value(field);
}

std::vector<FieldMappingEditor::Row> FieldMappingEditor::rows() const
{
    std::vector<Row> rows;
    const auto entryOf = [this](const std::string &name) -> std::optional<FieldMappingEntry> {
        if (m_mapping)
            for (const FieldMappingEntry &entry : *m_mapping)
                if (entry.name == name)
                    return entry;
        return std::nullopt;
    };
    if (m_specFields)
        for (const Field &field : m_specFields->fields)
            rows.push_back(Row {field.name, true, entryOf(field.name)});
    if (m_mapping)
        for (const FieldMappingEntry &entry : *m_mapping)
            if (!m_specFields || !findField(m_specFields->fields, entry.name))
                rows.push_back(Row {entry.name, false, entry});
    return rows;
}

// Everything the rows show, so that an analysis that changed nothing here keeps them as they
// are (and keeps the focus where it is).
QString FieldMappingEditor::signature() const
{
    QString text
        = m_mapping ? qt(PipelineWriter::fieldMappingText(*m_mapping)) : QStringLiteral("-");
    const auto addFields = [&text](const FieldList &fields) {
        text += QLatin1Char('|');
        for (const Field &field : fields)
            text += qt(field.name + ":" + field.type.displayName() + ",");
    };
    if (m_specFields) {
        addFields(m_specFields->fields);
        text += m_specFields->additionalProperties ? QStringLiteral("+") : QString();
    }
    if (m_available) {
        FieldList available;
        for (const DatasetFields::Entry *entry : m_available->entries(listedColumns))
            available.push_back(entry->field);
        addFields(available);
    }
    addFields(m_operationFields);
    return text;
}

void FieldMappingEditor::rebuildRows()
{
    QString focused;
    const QWidget *focus = QApplication::focusWidget();
    for (auto it = m_rowWidgets.cbegin(); it != m_rowWidgets.cend(); ++it)
        if (it.value() && focus && (it.value() == focus || it.value()->isAncestorOf(focus)))
            focused = it.key();
    m_rowWidgets.clear();
    if (m_rows) {
        // Rows may be rebuilt from a signal of one of their own controls.
        m_rows->hide();
        m_rows->deleteLater();
    }
    m_rows = new QWidget;
    m_grid = new QGridLayout(m_rows);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setColumnStretch(0, 2);
    m_grid->setColumnStretch(1, 3);
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_rows);

    const std::vector<Row> all = rows();
    for (std::size_t i = 0; i < all.size(); ++i)
        addRow(all[i], static_cast<int>(i));

    const bool consumes = m_section == Section::Consumes;
    const bool takesAny = m_specFields && m_specFields->additionalProperties;
    const bool declaresFields = m_specFields && !m_specFields->fields.empty();
    QString summary;
    if (!m_specFields)
        summary = tr("The component cannot be loaded: edit the mapping as YAML.");
    else if (consumes && takesAny && !declaresFields)
        summary = m_mapping && !m_mapping->empty()
            ? tr("Reads only the fields listed.")
            : tr("Reads every field of its input; add fields to read only those.");
    else if (consumes && declaresFields)
        summary = tr("Each field reads the input column chosen (its own name when empty).");
    else if (consumes)
        summary = tr("Reads no fields.");
    else if (declaresFields)
        summary = tr("Each field is written under the name given (its own when empty).");
    else if (takesAny)
        summary = tr("Add the fields it writes, with their types.");
    else
        summary = tr("Writes no fields.");
    m_summary->setText(summary);
    m_addRow->setVisible(takesAny);
    m_newName->clear();
    if (consumes && m_available)
        for (const DatasetFields::Entry *entry : m_available->entries(listedColumns)) {
            m_newName->addItem(qt(entry->field.name), qt(entry->field.type.displayName()));
            m_newName->setItemData(
                m_newName->count() - 1, typeText(entry->field.type), Qt::UserRole + 1);
        }
    m_newName->setEditText(QString());
    if (!m_specFields && !m_yamlToggle->isChecked())
        m_yamlToggle->setChecked(true);

    QWidget *first = all.empty() ? nullptr : m_rowWidgets.value(qt(all.front().name));
    setFocusProxy(first ? first : takesAny ? static_cast<QWidget *>(m_newName) : m_yaml);
    if (QWidget *widget = m_rowWidgets.value(focused))
        widget->setFocus(Qt::OtherFocusReason);
}

void FieldMappingEditor::addRow(const Row &row, int line)
{
    auto *label = new QWidget;
    auto *labelColumn = new QVBoxLayout(label);
    labelColumn->setContentsMargins(0, 0, 0, 0);
    labelColumn->setSpacing(0);
    auto *name = new NoteLabel(qt(row.name));
    name->setTone(NoteLabel::Tone::Normal);
    name->setMaximumLines(1);
    labelColumn->addWidget(name);
    bool problem = false;
    auto *type = new NoteLabel(resultingType(row, &problem));
    type->setMaximumLines(2);
    type->setTone(problem ? NoteLabel::Tone::Problem : NoteLabel::Tone::Secondary);
    labelColumn->addWidget(type);
    m_grid->addWidget(label, line, 0, Qt::AlignTop);

    QWidget *control = row.entry && !row.entry->isRename() && !row.declared ? typePicker(row)
                                                                            : columnPicker(row);
    control->setObjectName(sectionKey() + QLatin1Char('.') + qt(row.name));
    m_rowWidgets.insert(qt(row.name), control);
    m_grid->addWidget(control, line, 1, Qt::AlignTop);

    if (!row.declared) {
        auto *remove = new QToolButton;
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove %1 from the mapping").arg(qt(row.name)));
        const std::string field = row.name;
        connect(
            remove, &QToolButton::clicked, this, [this, field] { setEntry(field, std::nullopt); });
        m_grid->addWidget(remove, line, 2, Qt::AlignTop);
    }
}

// The column a consumed field reads, or the name a produced field is written under.
QWidget *FieldMappingEditor::columnPicker(const Row &row)
{
    const QString current = row.entry && row.entry->isRename() ? qt(row.entry->rename) : QString();
    const std::string field = row.name;
    const auto commit = [this, field](const QString &typed) {
        const std::string column = typed.trimmed().toStdString();
        if (column.empty() || column == field)
            setEntry(field, std::nullopt);
        else
            setEntry(field, FieldMappingEntry {field, std::nullopt, column});
    };
    if (m_section == Section::Produces) {
        auto *line = new QLineEdit(current);
        line->setPlaceholderText(tr("same name"));
        line->setToolTip(tr("The name the field is written under in the dataset"));
        connect(line, &QLineEdit::editingFinished, this, [line, commit] { commit(line->text()); });
        return line;
    }
    QComboBox *combo = narrowComboBox();
    if (m_available)
        for (const DatasetFields::Entry *entry : m_available->entries(listedColumns))
            combo->addItem(qt(entry->field.name), qt(entry->field.type.displayName()));
    combo->setCurrentIndex(-1);
    combo->setEditText(current);
    combo->lineEdit()->setPlaceholderText(tr("same name"));
    combo->setToolTip(tr("The input column the field reads: one available upstream, or "
                         "any name"));
    connect(combo, &QComboBox::activated, this,
        [combo, commit](int index) { commit(combo->itemText(index)); });
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
        [combo, commit] { commit(combo->currentText()); });
    return combo;
}

// The type of a field the component does not declare.
QWidget *FieldMappingEditor::typePicker(const Row &row)
{
    QComboBox *combo = narrowComboBox();
    for (const std::string &name : FieldType::runtimeTypeNames())
        combo->addItem(qt(name));
    combo->setCurrentIndex(-1);
    combo->setEditText(typeText(*row.entry->type));
    combo->setToolTip(m_newType->toolTip());
    const std::string field = row.name;
    const auto commit = [this, combo, field] {
        const std::string text = combo->currentText().trimmed().toStdString();
        Result<FieldMapping> parsed
            = PipelineReader::parseFieldMapping("field: " + text, sectionKey().toStdString());
        if (!parsed.ok() || parsed.value().size() != 1 || parsed.value().front().isRename()) {
            m_problem->setText(tr("'%1' is not a field type").arg(qt(text)));
            m_problem->show();
            return;
        }
        m_problem->hide();
        setEntry(field, FieldMappingEntry {field, parsed.value().front().type, {}});
    };
    connect(combo, &QComboBox::activated, this, commit);
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this, commit);
    return combo;
}

// The type the component sees the field with; for consumes, whether the input column has it.
QString FieldMappingEditor::resultingType(const Row &row, bool *problem) const
{
    std::optional<FieldType> type;
    if (const Field *field = findField(m_operationFields, row.name))
        type = field->type;
    else if (row.entry && row.entry->type)
        type = row.entry->type;
    else if (const Field *declared
        = m_specFields ? findField(m_specFields->fields, row.name) : nullptr)
        type = declared->type;
    const QString typeName = type ? qt(type->displayName()) : tr("type unknown");
    if (m_section == Section::Produces || !m_available || !type)
        return typeName;
    const std::string column = row.entry && row.entry->isRename() ? row.entry->rename : row.name;
    const DatasetFields::Entry *found = m_available->find(column);
    *problem = !found || !(found->field.type == *type);
    if (!found)
        return tr("%1, not in the input").arg(typeName);
    if (*problem)
        return tr("%1, the input has %2").arg(typeName, qt(found->field.type.displayName()));
    return typeName;
}

void FieldMappingEditor::setEntry(
    const std::string &name, const std::optional<FieldMappingEntry> &entry)
{
    FieldMapping mapping = m_mapping.value_or(FieldMapping {});
    const auto it = std::find_if(mapping.begin(), mapping.end(),
        [&name](const FieldMappingEntry &e) { return e.name == name; });
    if (entry && it != mapping.end())
        *it = *entry;
    else if (entry)
        mapping.push_back(*entry);
    else if (it != mapping.end())
        mapping.erase(it);
    std::optional<FieldMapping> changed
        = mapping.empty() ? std::nullopt : std::optional<FieldMapping>(mapping);
    if (changed == m_mapping)
        return;
    m_mapping = changed;
    Q_EMIT mappingEdited(changed, qt(name));
}

void FieldMappingEditor::addField()
{
    const std::string name = m_newName->currentText().trimmed().toStdString();
    const std::string type = m_newType->currentText().trimmed().toStdString();
    const auto listed = rows();
    Result<FieldMapping> parsed
        = PipelineReader::parseFieldMapping("field: " + type, sectionKey().toStdString());
    QString problem;
    if (name.empty())
        problem = tr("Name the field to add.");
    else if (std::any_of(
                 listed.begin(), listed.end(), [&](const Row &row) { return row.name == name; }))
        problem = tr("'%1' is listed already.").arg(qt(name));
    else if (!parsed.ok() || parsed.value().size() != 1 || parsed.value().front().isRename())
        problem = tr("'%1' is not a field type").arg(qt(type));
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        setEntry(name, FieldMappingEntry {name, parsed.value().front().type, {}});
}

void FieldMappingEditor::takeYaml()
{
    const QString typed = m_yaml->toPlainText();
    if (typed.trimmed().isEmpty()) {
        m_problem->hide();
        if (!m_mapping)
            return;
        m_mapping = std::nullopt;
        Q_EMIT mappingEdited(m_mapping, QString());
        return;
    }
    Result<FieldMapping> parsed
        = PipelineReader::parseFieldMapping(typed.toStdString(), sectionKey().toStdString());
    if (!parsed.ok()) {
        m_problem->setText(qt(parsed.errorMessage()));
        m_problem->show();
        return;
    }
    m_problem->hide();
    if (parsed.value() == m_mapping)
        return;
    m_mapping = parsed.value();
    Q_EMIT mappingEdited(m_mapping, QString());
}

} // namespace fondant
