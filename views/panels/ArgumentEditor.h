// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentSpec.h"
#include "core/value/Value.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace fondant {

class NoteLabel;

/// Edits one component argument under its name and description, with a control fitting its
/// type: a checked line for int, float and text, a check box for bool, JSON for lists and
/// mappings. An argument without a value shows an empty control with the default (or
/// "required") as placeholder; clearing the control or the reset button removes the value.
class ArgumentEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ArgumentEditor(const ArgumentSpec &argument, QWidget *parent = nullptr);

    /// Shows the step's value, or nothing (the default as placeholder) when value is null.
    /// Emits nothing.
    void setValue(const Value *value);
    bool isSet() const { return m_isSet; }
    /// The problem with the value shown or typed ("" when there is none).
    QString problem() const;
    /// The control that takes the value.
    QWidget *input() const { return m_input; }

Q_SIGNALS:
    /// A valid value was typed or chosen.
    void valueEdited(const fondant::Value &value);
    /// The user cleared the value (emptied the control or pressed reset) while it was set.
    void resetRequested();

private:
    void takeInput();
    void requestReset();
    /// The value of the text typed, or nullopt with the reason in problem.
    std::optional<Value> parse(const QString &text, QString &problem) const;
    QString inputText() const;
    QString placeholder() const;
    void showState();

    ArgumentSpec m_argument;
    bool m_isSet = false;
    bool m_updating = false;
    QString m_problem; ///< what is wrong with the step's value or the text typed
    QWidget *m_input = nullptr;
    QCheckBox *m_checkBox = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QToolButton *m_reset = nullptr;
    NoteLabel *m_note = nullptr;
};

} // namespace fondant
