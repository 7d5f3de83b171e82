// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/DatasetFields.h"
#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentSpec.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QGridLayout;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace fondant {

class NoteLabel;
class OperationSpec;

/// Edits a step's consumes or produces mapping as one row per field with its resulting type:
/// for consumes, the input column each field of the component reads, chosen from the fields
/// available upstream or typed; for produces, the name each field is written under; typed
/// fields added where the component takes any; and the whole mapping as YAML for the rest.
class FieldMappingEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Section { Consumes, Produces };

    /// What the rows show: the step's mapping, the component's section (null when the component
    /// cannot be loaded), the fields of the input dataset (null for the first step) and the
    /// operation the analysis built (null when it could not).
    struct State
    {
        std::optional<FieldMapping> mapping;
        const FieldSection *specFields = nullptr;
        const DatasetFields *available = nullptr;
        const OperationSpec *operation = nullptr;
    };

    explicit FieldMappingEditor(Section section, QWidget *parent = nullptr);

    /// Shows a state; rows are built again only when what they show changed. Emits nothing.
    void setState(const State &state);
    /// The control of one field's row (by the component's name for it), or nullptr.
    QWidget *rowWidget(const QString &field) const;
    /// The name of the section in a pipeline file: "consumes" or "produces".
    QString sectionKey() const;

Q_SIGNALS:
    /// The user changed the mapping (nullopt: none given) through the row of field, or through
    /// the YAML text (field "").
    void mappingEdited(const std::optional<fondant::FieldMapping> &mapping, const QString &field);

private:
    struct Row
    {
        std::string name;
        bool declared = false; ///< the component's spec names the field
        std::optional<FieldMappingEntry> entry;
    };
    std::vector<Row> rows() const;
    QString signature() const;
    void rebuildRows();
    void addRow(const Row &row, int line);
    QWidget *columnPicker(const Row &row);
    QWidget *typePicker(const Row &row);
    QString resultingType(const Row &row, bool *problem) const;
    void setEntry(const std::string &name, const std::optional<FieldMappingEntry> &entry);
    void addField();
    void takeYaml();

    Section m_section;
    std::optional<FieldMapping> m_mapping;
    std::optional<FieldSection> m_specFields;
    std::optional<DatasetFields> m_available;
    FieldList m_operationFields; ///< the fields as the component sees them, when known
    bool m_operationKnown = false;
    QString m_shownSignature;

    NoteLabel *m_summary;
    QWidget *m_rows = nullptr;
    QGridLayout *m_grid = nullptr;
    QHash<QString, QPointer<QWidget>> m_rowWidgets;
    QWidget *m_addRow;
    QComboBox *m_newName;
    QComboBox *m_newType;
    NoteLabel *m_problem;
    QToolButton *m_yamlToggle;
    QPlainTextEdit *m_yaml;
};

} // namespace fondant
