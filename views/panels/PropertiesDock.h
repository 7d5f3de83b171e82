// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"
#include "views/panels/FieldMappingEditor.h"

#include <QDockWidget>
#include <QHash>
#include <QPointer>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace fondant {

class ArgumentEditor;
class PipelineDocument;

/// Edits the selected step (id, input, typed arguments, field mappings, caching, resources) or,
/// with nothing selected, the pipeline's own settings. Every edit is one undoable command.
class PropertiesDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit PropertiesDock(PipelineDocument &document, QWidget *parent = nullptr);

    /// Shows a step ("" for the pipeline settings).
    void showStep(const QString &id);
    QString stepId() const { return m_stepId; }
    /// Gives keyboard focus to the editor of a key ("arguments.min_width", "consumes.text",
    /// "input", …) or, when it has none, of the closest key above it.
    bool focusField(const QString &fieldPath);
    /// The editor widget of a key, or nullptr.
    QWidget *fieldWidget(const QString &fieldPath) const;

private:
    void rebuild();
    void refreshValues();
    bool takeNewArgumentValues();
    void buildPipelineForm(QFormLayout *form);
    void buildStepForm(QFormLayout *form);
    void addSection(QFormLayout *form, const QString &title);
    void registerField(const QString &path, QWidget *widget);
    /// Applies one change to the shown step as one undoable edit of the given field.
    using StepChange
        = std::function<void(const QString &field, const std::function<void(Step &)> &)>;
    void addResourceEditor(QFormLayout *form, const ResourceField &field,
        const std::optional<Value> &value, const StepChange &pushChange);
    void addMappingEditor(
        QFormLayout *form, FieldMappingEditor::Section section, const StepChange &pushChange);
    void refreshMappingEditors();
    /// Shows the summary under the fields (the pipeline's, or the step's fields and key).
    void showInfo(const QString &text);

    PipelineDocument &m_document;
    QString m_stepId;
    std::optional<Step> m_shownStep; ///< the step as the form was built for it
    QScrollArea *m_scroll;
    QHash<QString, QPointer<QWidget>> m_fields;
    QHash<QString, ArgumentEditor *> m_argumentEditors;
    QHash<QString, FieldMappingEditor *> m_mappingEditors; ///< by section: consumes, produces
    QLabel *m_info = nullptr;
    bool m_updating = false;
};

} // namespace fondant
